// What the CLI takes as an input file: regular files, read up to a limit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { CliInputError, readInputFile } from './input-file.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-input-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

class TooLarge extends Error {
  constructor(readonly size: number) {
    super(`too large: ${size}`);
  }
}
const read = (file: string, max = 1000) => readInputFile(file, max, (size) => new TooLarge(size));

test('a regular file within the limit is read whole', async () => {
  const file = path.join(scratch, 'small.txt');
  writeFileSync(file, 'চার্টার');
  assert.equal((await read(file)).toString('utf8'), 'চার্টার');
  const exact = path.join(scratch, 'exact.txt');
  writeFileSync(exact, Buffer.alloc(1000, 'a'));
  assert.equal((await read(exact)).length, 1000);
});

test('a file over the limit is refused by its size, before it is read', async () => {
  const file = path.join(scratch, 'big.txt');
  writeFileSync(file, Buffer.alloc(1001, 'a'));
  await assert.rejects(read(file), (e) => e instanceof TooLarge && e.size === 1001);
});

test('a file that says it is empty but is not (/proc) is read only up to the limit', { skip: process.platform !== 'linux' }, async () => {
  // /proc/self/maps reports size 0 and holds several kilobytes
  await assert.rejects(read('/proc/self/maps', 100), (e) => e instanceof TooLarge && e.size > 100);
  assert.ok((await read('/proc/self/maps', 10_000_000)).length > 0);
});

test('a directory, a device and a FIFO are refused by their type, without waiting for a writer', { skip: process.platform === 'win32' }, async () => {
  const fifo = path.join(scratch, 'pipe');
  execFileSync('mkfifo', [fifo]);
  for (const [file, kind] of [
    [scratch, 'a directory'],
    ['/dev/zero', 'a character device'],
    [fifo, 'a named pipe (FIFO)'],
  ] as const) {
    await assert.rejects(read(file), (e) => e instanceof CliInputError && e.message === `${file} is ${kind}: give a regular file`);
  }
});

test('a missing file gives the system\'s error for the CLI to word', async () => {
  await assert.rejects(read(path.join(scratch, 'missing')), { code: 'ENOENT' });
});
