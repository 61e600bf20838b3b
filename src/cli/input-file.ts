// Reads a file named on the command line, refusing what is not a regular file (a directory,
// a FIFO, /dev/zero) and reading no more than the command's limit, so that no input can make
// the CLI wait forever or read until memory runs out.
import { constants, type Stats } from 'node:fs';
import fs from 'node:fs/promises';

/** The file cannot be used as input: one line for the person, exit code 1. */
export class CliInputError extends Error {}

const READ_CHUNK = 64 * 1024;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function assertRegularFile(file: string, stats: Stats): void {
  if (!stats.isFile()) throw new CliInputError(`${file} is ${kindOf(stats)}: give a regular file`);
}

/**
 * The bytes of `file`, at most `maxBytes` of them; `tooLarge(size)` is thrown for a bigger file.
 * Missing or unreadable files throw the system's error (ENOENT, EACCES) for the caller to word.
 */
export async function readInputFile(file: string, maxBytes: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  // stat before open: opening a FIFO for reading waits until something writes to it
  const stats = await fs.stat(file);
  assertRegularFile(file, stats);
  if (stats.size > maxBytes) throw tooLarge(stats.size);
  // O_NONBLOCK: should the name be swapped for a FIFO after the stat, open still returns at once
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    assertRegularFile(file, await handle.stat());
    // a file may grow after the stat, and some (/proc) report size 0: read up to the limit, not the size
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(READ_CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total);
      chunks.push(bytesRead === READ_CHUNK ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
