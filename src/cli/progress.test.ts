import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatProgress, startProgress } from './progress.ts';

test('a progress line says how many of how many, the share done, the rate per minute and the time left', () => {
  // 120 files in 6 seconds: 1,200 a minute, 180 still to go take 9 seconds
  assert.equal(formatProgress({ done: 120, total: 300, elapsedMs: 6_000 }), '120/300   40%  1,200/min  ETA 0:09');
  assert.equal(formatProgress({ done: 300, total: 300, elapsedMs: 20_000 }), '300/300  100%  900/min  ETA 0:00');
});

test('the count is padded to the width of the total, so that the line does not jump as it grows', () => {
  assert.equal(formatProgress({ done: 7, total: 11_000, elapsedMs: 1_000 }).indexOf('/'), String(11_000).length);
});

test('before the first file is done there is no rate and no time left to tell', () => {
  assert.equal(formatProgress({ done: 0, total: 50, elapsedMs: 0 }), ' 0/50    0%  –/min  ETA –');
  assert.equal(formatProgress({ done: 0, total: 50, elapsedMs: 5_000 }), ' 0/50    0%  –/min  ETA –');
});

test('the share done is rounded down: 100 % only when every file is done', () => {
  assert.match(formatProgress({ done: 999, total: 1000, elapsedMs: 60_000 }), /^ 999\/1000 {3}99%/);
});

test('durations read as m:ss, or h:mm:ss from an hour up', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(9_400), '0:09');
  assert.equal(formatDuration(725_000), '12:05');
  // the 11,000 charters at 51 a minute
  assert.equal(formatDuration((11_000 / 51) * 60_000), '3:35:41');
  assert.equal(formatDuration(-5), '0:00');
});

function fakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function collect(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, write: (text: string) => writes.push(text) } };
}

test('on a pipe a line is written every so many files or every so many seconds, not per file, and one at the end', () => {
  const clock = fakeClock();
  const { writes, output } = collect(false);
  const progress = startProgress(1000, output, { now: clock.now, lineEveryFiles: 100, lineEveryMs: 30_000 });
  for (let done = 1; done <= 250; done++) {
    clock.advance(10);
    progress.update(done);
  }
  assert.deepEqual(
    writes.map((line) => line.trim().split(/\s+/)[0]),
    ['100/1000', '200/1000'],
  );
  clock.advance(30_000); // a slow file: a line after 30 seconds although few files were done
  progress.update(251);
  progress.finish();
  assert.deepEqual(
    writes.map((line) => line.trim().split(/\s+/)[0]),
    ['100/1000', '200/1000', '251/1000'],
  );
  assert.ok(writes.every((line) => line.endsWith('\n') && !line.includes('\r')));
});

test('on a pipe the last state is written at the end unless it was the last line already', () => {
  const clock = fakeClock();
  const { writes, output } = collect(false);
  const progress = startProgress(3, output, { now: clock.now, lineEveryFiles: 100 });
  progress.update(1);
  progress.update(2);
  progress.update(3);
  progress.finish();
  assert.equal(writes.length, 1);
  assert.match(writes[0] ?? '', /^3\/3 {2}100%/);
});

test('on a terminal one line is redrawn in place, at most so often, and ended at the finish', () => {
  const clock = fakeClock();
  const { writes, output } = collect(true);
  const progress = startProgress(20, output, { now: clock.now, redrawMs: 200 });
  for (let done = 1; done <= 20; done++) {
    clock.advance(50);
    progress.update(done);
  }
  progress.finish();
  // every fourth file (200 ms), then the finish's last state and its line end
  assert.deepEqual(
    writes.map((text) => text.trim().split(/\s+/)[0]),
    ['4/20', '8/20', '12/20', '16/20', '20/20', ''],
  );
  assert.ok(writes.slice(0, -1).every((text) => text.startsWith('\r') && !text.includes('\n')));
  assert.equal(writes.at(-1), '\n');
});

test('on a terminal a shorter line is padded over the longer one before it', () => {
  const clock = fakeClock();
  const { writes, output } = collect(true);
  const progress = startProgress(10, output, { now: clock.now, redrawMs: 0 });
  clock.advance(1);
  progress.update(1); // "–/min" is shorter than a rate, and a rate can shrink as files slow down
  clock.advance(600_000);
  progress.update(2);
  const [first = '', second = ''] = writes;
  assert.ok(second.length >= first.length, `${JSON.stringify(first)} then ${JSON.stringify(second)}`);
});
