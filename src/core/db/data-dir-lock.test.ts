import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DatabaseInUseError, lockDataDir, parseLockFile, processStartTime } from './data-dir-lock.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-lock-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a second opener of an embedded database is refused while the first holds it', () => {
  const dir = path.join(scratch, 'one', 'pglite');
  const release = lockDataDir(dir);
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    // the lock file names a live process other than us: that is a running server
    writeFileSync(`${dir}.lock`, String(child.pid));
    assert.throws(() => lockDataDir(dir), (e) => e instanceof DatabaseInUseError && /in use/.test(e.message));
  } finally {
    child.kill();
    release();
  }
});

test('a lock left by a process that died is taken over, and released on close', async () => {
  const dir = path.join(scratch, 'two', 'pglite');
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  mkdirSync(path.join(scratch, 'two'));
  writeFileSync(`${dir}.lock`, String(child.pid));
  const release = lockDataDir(dir);
  assert.ok(existsSync(`${dir}.lock`));
  release();
  assert.equal(existsSync(`${dir}.lock`), false);
});

const onLinux = { skip: process.platform !== 'linux' && 'start times are read from /proc' };

/** A live process that is not us, for a lock file to name. */
function sleeper() {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
}

test('the lock file records the holder\'s start time', onLinux, () => {
  const dir = path.join(scratch, 'three', 'pglite');
  const release = lockDataDir(dir);
  try {
    const holder = parseLockFile(readFileSync(`${dir}.lock`, 'utf8'));
    assert.deepEqual(holder, { pid: process.pid, started: processStartTime(process.pid) });
    assert.match(holder?.started ?? '', /^\d+$/);
  } finally {
    release();
  }
});

test('a lock naming a live PID that started at another time (the PID was reused) is taken over', onLinux, () => {
  const dir = path.join(scratch, 'four', 'pglite');
  mkdirSync(path.dirname(dir), { recursive: true });
  const child = sleeper();
  try {
    const started = processStartTime(child.pid ?? 0);
    assert.ok(started);
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: child.pid, started: String(Number(started) - 1) }));
    const release = lockDataDir(dir);
    assert.equal(parseLockFile(readFileSync(`${dir}.lock`, 'utf8'))?.pid, process.pid);
    release();
    // the same PID with its own start time is the holder itself
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: child.pid, started }));
    assert.throws(() => lockDataDir(dir), DatabaseInUseError);
  } finally {
    child.kill();
  }
});

test('a lock file that names no process is stale', () => {
  const dir = path.join(scratch, 'five', 'pglite');
  mkdirSync(path.dirname(dir), { recursive: true });
  writeFileSync(`${dir}.lock`, 'not a lock');
  lockDataDir(dir)();
  assert.equal(parseLockFile('{"pid": -1}'), null);
  assert.deepEqual(parseLockFile('42\n'), { pid: 42, started: null });
});
