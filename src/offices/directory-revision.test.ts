// Requests share reads of the directory revision, but never one that began before they arrived.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryRevision } from './directory-revision.ts';

/** A read the test finishes by hand, with the revision it returns. */
function manualReads() {
  const pending: ((revision: number) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      pending.push(resolve);
      failures.push(reject);
    });
  return { read, started: () => pending.length, finish: (index: number, revision: number) => pending[index]?.(revision), fail: (index: number) => failures[index]?.(new Error('database gone')) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a request arriving while a read is under way waits for the next read, which all such requests share', async () => {
  const reads = manualReads();
  const revision = new DirectoryRevision(reads.read);
  const first = revision.current();
  assert.equal(reads.started(), 1);
  // a publish commits now; the read under way may have missed it
  const later = [revision.current(), revision.current(), revision.current()];
  assert.equal(reads.started(), 1, 'the next read begins once the one under way ends');
  reads.finish(0, 7);
  assert.equal(await first, 7);
  await tick();
  assert.equal(reads.started(), 2, 'one read for the three requests that came during the first');
  reads.finish(1, 8);
  assert.deepEqual(await Promise.all(later), [8, 8, 8], 'they see the publish');
  const alone = revision.current();
  assert.equal(reads.started(), 3, 'with nothing under way a request reads at once');
  reads.finish(2, 8);
  assert.equal(await alone, 8);
});

test('a failed read fails only the requests that were waiting for it', async () => {
  const reads = manualReads();
  const revision = new DirectoryRevision(reads.read);
  const failing = revision.current();
  const next = revision.current();
  reads.fail(0);
  await assert.rejects(failing, /database gone/);
  await tick();
  reads.finish(1, 3);
  assert.equal(await next, 3);
});
