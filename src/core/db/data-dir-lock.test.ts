import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DatabaseInUseError, lockDataDir } from './data-dir-lock.ts';

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
