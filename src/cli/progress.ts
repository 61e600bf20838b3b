// Progress of a long CLI run on stderr: one line rewritten in place on a terminal, and on a pipe
// (a CI log) a plain line now and then, so that the log stays short.

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

/** "120/300  40%  1,250/min  ETA 0:09": how far, how fast, how long still to go. */
export function formatProgress({ done, total, elapsedMs }: ProgressState): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const perMinute = done > 0 && elapsedMs > 0 ? (done / elapsedMs) * 60_000 : undefined;
  const rate = perMinute === undefined ? '–/min' : `${Math.round(perMinute).toLocaleString('en')}/min`;
  const eta = perMinute === undefined ? '–' : formatDuration(((total - done) / perMinute) * 60_000);
  const width = String(total).length;
  return `${String(done).padStart(width)}/${total}  ${String(percent).padStart(3)}%  ${rate}  ETA ${eta}`;
}

/** 0:09, 12:05, 3:36:00 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** milliseconds since some fixed moment (a clock the tests can drive) */
  now?: () => number;
  /** on a terminal: at most one redraw per this many milliseconds */
  redrawMs?: number;
  /** on a pipe: a line after this many more files … */
  lineEveryFiles?: number;
  /** … or after this many milliseconds, whichever comes first */
  lineEveryMs?: number;
}

export interface Progress {
  /** `done` of the total are finished */
  update(done: number): void;
  /** the last state, and the end of the line on a terminal */
  finish(): void;
}

export function startProgress(total: number, output: ProgressOutput, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const { redrawMs = 200, lineEveryFiles = 500, lineEveryMs = 30_000 } = options;
  const started = now();
  let done = 0;
  let shownAt = started;
  let shownDone: number | undefined;
  let shownWidth = 0;
  const show = () => {
    const line = formatProgress({ done, total, elapsedMs: now() - started });
    if (output.isTTY) {
      // spaces over what is left of a longer line before
      output.write(`\r${line.padEnd(shownWidth)}`);
      shownWidth = line.length;
    } else output.write(`${line}\n`);
    shownAt = now();
    shownDone = done;
  };
  return {
    update(count) {
      done = count;
      const since = now() - shownAt;
      if (output.isTTY ? since >= redrawMs : done - (shownDone ?? 0) >= lineEveryFiles || since >= lineEveryMs) show();
    },
    finish() {
      if (shownDone !== done) show();
      if (output.isTTY) output.write('\n');
    },
  };
}
