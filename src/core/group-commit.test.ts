// Group commit: what goes in which batch, and how each item learns its own outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit } from './group-commit.ts';

/** A runner whose batches wait until the test lets them finish, recording what each carried. */
function heldRunner() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const run = async (items: readonly number[]) => {
    batches.push([...items]);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((item): PromiseSettledResult<number> => (item < 0 ? { status: 'rejected', reason: new Error(`refused ${item}`) } : { status: 'fulfilled', value: item * 10 }));
  };
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, run, releaseAll };
}

test('a lone item goes at once, in a batch of its own', async () => {
  const runner = heldRunner();
  const submit = groupCommit(runner.run, { maxBatch: 10, atOnce: 1 });
  const answer = submit(4);
  assert.deepEqual(runner.batches, [[4]]);
  await runner.releaseAll();
  assert.equal(await answer, 40);
});

test('items that arrive while a batch is under way go together in the next, each with its own answer', async () => {
  const runner = heldRunner();
  const submit = groupCommit(runner.run, { maxBatch: 10, atOnce: 1 });
  const answers = [1, 2, 3, 4].map((item) => submit(item));
  assert.deepEqual(runner.batches, [[1]]);
  await runner.releaseAll();
  assert.deepEqual(runner.batches, [[1], [2, 3, 4]]);
  assert.deepEqual(await Promise.all(answers), [10, 20, 30, 40]);
});

test('no batch carries more than its limit, and no more batches are under way than allowed', async () => {
  const runner = heldRunner();
  const submit = groupCommit(runner.run, { maxBatch: 3, atOnce: 2 });
  const answers = Array.from({ length: 9 }, (_, index) => submit(index + 1));
  assert.deepEqual(runner.batches, [[1], [2]]);
  await runner.releaseAll();
  assert.ok(runner.batches.every((batch) => batch.length <= 3));
  assert.deepEqual(runner.batches.flat().sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal((await Promise.all(answers)).length, 9);
});

test('an item refused in its batch fails alone; a batch that fails as a whole fails each of its items', async () => {
  const runner = heldRunner();
  const submit = groupCommit(runner.run, { maxBatch: 10, atOnce: 1 });
  const first = submit(1);
  const refused = assert.rejects(submit(-2), /refused -2/);
  const kept = submit(3);
  await runner.releaseAll();
  assert.equal(await first, 10);
  await refused;
  assert.equal(await kept, 30);

  const failing = groupCommit<number, number>(async () => {
    throw new Error('database gone');
  }, { maxBatch: 10, atOnce: 1 });
  const results = await Promise.allSettled([failing(1), failing(2)]);
  assert.deepEqual(results.map((result) => result.status), ['rejected', 'rejected']);
});
