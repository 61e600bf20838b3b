// Work that arrives while earlier work is being written waits and goes with the next batch
// (group commit): a lone item goes at once, and under load one transaction carries many, so the
// round trips per item fall as the load rises. Nothing is kept between batches: an item's promise
// settles only once its batch has.

export interface GroupCommitOptions {
  /** the most items one batch carries */
  maxBatch: number;
  /** how many batches may be under way at once */
  atOnce: number;
}

/**
 * A function that hands its item to `run` with whatever else is waiting, and settles with that
 * item's result. `run` answers each item of a batch, in order.
 */
export function groupCommit<T, R>(run: (items: readonly T[]) => Promise<PromiseSettledResult<R>[]>, options: GroupCommitOptions): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (result: R) => void; reject: (reason: unknown) => void }[] = [];
  let underWay = 0;
  const startBatches = () => {
    while (underWay < options.atOnce && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxBatch);
      underWay += 1;
      run(batch.map((entry) => entry.item))
        .then(
          (results) =>
            batch.forEach((entry, index) => {
              const result = results[index];
              if (result?.status === 'fulfilled') entry.resolve(result.value);
              else entry.reject(result ? result.reason : new Error('the batch gave this item no result'));
            }),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          underWay -= 1;
          startBatches();
        });
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      startBatches();
    });
}
