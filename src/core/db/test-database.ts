// A private, migrated database for one test file: a fresh PostgreSQL database when
// DATABASE_URL is set (dropped afterwards), an in-memory PGlite otherwise.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './connection.ts';
import { migrate } from './migrate.ts';

export interface TestDatabase extends Database {
  /** the PostgreSQL URL of this database, for child processes; undefined for PGlite */
  url: string | undefined;
  /** closes the connection and drops the database */
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await migrate(database.db);
    return { ...database, url: undefined, drop: database.close };
  }
  // The name is ours, never input: DDL cannot take it as a parameter.
  const name = `protishruti_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database.db);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      await withAdminClient(serverUrl, async (client) => {
        // A closed pool's backends can take a moment to exit; forcing them out would
        // deliver a stray error to the already-closed client.
        for (let waited = 0; waited < 5000; waited += 50) {
          const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

/** One connection to the server's maintenance database, for creating and dropping databases (tests, benchmarks). */
export async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
