// The directory revision as requests need it: read for each request by a query that began after
// the request arrived (so it sees every change committed before), but shared by all requests
// that arrive while one query is under way — under load, one small query per batch of requests.
import type { DialectAdapter, Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { readDirectoryRevision } from './directory-repository.ts';

export class DirectoryRevision {
  readonly #read: () => Promise<number>;
  /** the query under way */
  #running: Promise<number> | undefined;
  /** the query that starts when the one under way ends, for requests that came after it began */
  #next: Promise<number> | undefined;

  /** `read`: one query for the number (readDirectoryRevision) */
  constructor(read: () => Promise<number>) {
    this.#read = read;
  }

  /** The revision as of now or later: never one read before this call. */
  current(): Promise<number> {
    if (this.#next) return this.#next;
    const running = this.#running;
    if (!running) return this.#start();
    // The query under way may have read the number before a change that committed just now.
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.#start();
      });
    this.#next = next;
    return next;
  }

  #start(): Promise<number> {
    const running: Promise<number> = this.#read().finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }
}

const shared = new WeakMap<DialectAdapter, DirectoryRevision>();

/**
 * The directory revision as of now or later, through one DirectoryRevision per database (Kysely's
 * adapter, shared by its transactions): everything keyed on the revision shares its reads.
 */
export function currentDirectoryRevision(db: Kysely<DB>): Promise<number> {
  // a transaction reads its own view, and must not become the reader others share
  if (db.isTransaction) return readDirectoryRevision(db);
  const database = db.getExecutor().adapter;
  let revision = shared.get(database);
  if (!revision) {
    revision = new DirectoryRevision(() => readDirectoryRevision(db));
    shared.set(database, revision);
  }
  return revision.current();
}
