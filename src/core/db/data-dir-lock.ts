// One process at a time may open an embedded (PGlite) database directory: a second writer
// would silently lose its writes. A lock file names the holder by its PID and its start time;
// a stale one (its process gone, or the PID now used by another process) is taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Protishruti process (pid ${pid}), e.g. the running server. ` +
        'Stop it first, or run both on PostgreSQL (DATABASE_URL), or make the change through the web API.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/** What the lock file says: `{"pid":…,"started":…}`; older lock files hold only the PID. */
export interface LockHolder {
  pid: number;
  /** when the process started, as the system tells it (see processStartTime); null where it cannot */
  started: string | null;
}

/**
 * When process `pid` started, in a form that differs between two processes that had the same
 * PID one after the other: on Linux the start time in clock ticks since boot (field 22 of
 * /proc/<pid>/stat). Null where there is no /proc (macOS, Windows) or it cannot be read.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may itself hold spaces and ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = fields[19]; // field 22 overall; fields[0] is field 3
    return started && /^\d+$/.test(started) ? started : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function parseLockFile(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), started: null };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; started?: unknown };
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return null;
    return { pid: value.pid as number, started: typeof value.started === 'string' ? value.started : null };
  } catch {
    return null;
  }
}

/**
 * Whether the lock's holder still runs. A PID is reused once its process is gone, so a live
 * PID counts only when its start time matches the one recorded; where either is unknown (an
 * older lock file, a system without /proc) a live PID is taken as the holder, to be safe.
 */
export function holderIsRunning(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return false; // ours, left by an earlier open in this process
  if (!isAlive(holder.pid)) return false;
  if (holder.started === null) return true;
  const started = processStartTime(holder.pid);
  return started === null || started === holder.started;
}

/** Takes the lock for `dir` (a file beside it, so the database directory stays PGlite's own); returns its release. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const file = `${dir}.lock`;
  const content = JSON.stringify({ pid: process.pid, started: processStartTime(process.pid) } satisfies LockHolder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        fs.rmSync(file, { force: true });
      };
      // a process that ends through process.exit (the CLI when its reader goes away) still lets go
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = readLockFile(file);
      if (found === undefined) continue; // removed meanwhile: try again
      const holder = parseLockFile(found);
      if (holder && holderIsRunning(holder)) throw new DatabaseInUseError(dir, holder.pid);
      // stale: remove it, unless another process took it over since we read it
      if (readLockFile(file) === found) fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function readLockFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
