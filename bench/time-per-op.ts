// How long one run of `work` takes: warmed up, then run for at least `minMs` and averaged.
import { performance } from 'node:perf_hooks';

export async function timePerOp(work: () => unknown, minMs = 500, warmUps = 5): Promise<number> {
  for (let i = 0; i < warmUps; i++) await work();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await work();
    ops++;
  }
  return (performance.now() - start) / ops;
}
