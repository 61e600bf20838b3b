// The shape of a CLI command and the pieces every command shares.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Kysely } from 'kysely';
import { CalendarError, loadHolidayData, YEAR_RANGE } from '../calendar/index.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import type { DB } from '../core/db/schema.ts';
import { requireOfficeId } from '../offices/index.ts';
import { migrateDatabase } from '../core/db/application-role.ts';
import { APPEND_ONLY_TABLES } from '../audit/index.ts';
import { loadConfig } from '../core/config.ts';
import path from 'node:path';

export interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** The command line itself is wrong (an unknown option, a missing argument): exit 2 with the usage. */
export class CliUsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

function strictParse<T extends Options>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/**
 * The command's options and exactly the positional arguments it names (`['<file>']`; none by
 * default): an unknown option, a missing or an extra argument is a usage error.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T, positionals: readonly string[] = []) {
  let parsed: ReturnType<typeof strictParse<T>>;
  try {
    parsed = strictParse(args, options);
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const extra = parsed.positionals[positionals.length];
  if (extra !== undefined) throw new CliUsageError(`unexpected argument ${JSON.stringify(extra)}`);
  const missing = positionals[parsed.positionals.length];
  if (missing !== undefined) throw new CliUsageError(`${missing} is needed`);
  return parsed;
}

/** Opens the configured database (migrated), runs the work and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await migrateDatabase(database.db, { migrationDatabaseUrl: config.migrationDatabaseUrl, appendOnlyTables: APPEND_ONLY_TABLES });
    await loadHolidayData(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Who made a change from the command line, for the calendar's change record and the audit log. */
export { cliActor } from '../core/actor.ts';

export async function officeIdOf(db: Kysely<DB>, slug: string | undefined): Promise<number | null> {
  return slug === undefined ? null : requireOfficeId(db, slug);
}

/** A calendar year the calendar keeps (2000 to 2100); this year when not given. A wrong year is wrong input (exit 1). */
export function yearOption(value: string | undefined): number {
  const year = value === undefined ? new Date().getFullYear() : /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)) {
    throw new CalendarError('invalid_date', `--year ${value ?? ''}: a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`, 'year');
  }
  return year;
}

export function idOption(value: string | undefined, name = '--id'): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id <= 0) throw new CliUsageError(`${name} takes the number shown by \`calendar list\``);
  return id;
}
