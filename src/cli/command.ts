// The shape of a CLI command and the pieces every command shares.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { loadHolidayData } from '../calendar/index.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import type { DB } from '../core/db/schema.ts';
import { requireOfficeId } from '../offices/index.ts';
import { migrate } from '../core/db/migrate.ts';
import { loadConfig } from '../core/config.ts';
import path from 'node:path';

export interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

export class CliUsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Opens the configured database (migrated), runs the work and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await migrate(database.db);
    await loadHolidayData(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Who made a change from the command line, for the calendar's change record. */
export function cliActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): the record still says it came from the CLI
  }
  return `cli:${user}`;
}

export async function officeIdOf(db: Kysely<DB>, slug: string | undefined): Promise<number | null> {
  return slug === undefined ? null : requireOfficeId(db, slug);
}

export function yearOption(value: string | undefined): number {
  const year = value === undefined ? new Date().getFullYear() : Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliUsageError('--year takes a year from 2000 to 2100');
  return year;
}

export function idOption(value: string | undefined, name = '--id'): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id <= 0) throw new CliUsageError(`${name} takes the number shown by \`calendar list\``);
  return id;
}
