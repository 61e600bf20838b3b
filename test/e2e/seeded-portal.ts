// Test support for browser tests: the portal with both seed charters on a private database,
// listening on a free port of 127.0.0.1, and Debian's Chromium to look at it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { seedCharters } from '../../src/charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../../src/core/db/test-database.ts';
import { startJobQueue, type JobQueue } from '../../src/core/jobs.ts';
import { PROJECT_ROOT } from '../../src/core/paths.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
export const RESULTS = path.join(PROJECT_ROOT, 'test-results');

export interface SeededPortal {
  database: TestDatabase;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface PortalOptions {
  /** run the job queue, so messages are really sent (through the console SMS gateway) as on a server */
  sending?: boolean;
}

export async function openSeededPortal(options: PortalOptions = {}): Promise<SeededPortal> {
  // CI installs chromium; a missing browser must fail the run, never skip it
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  const database = await openTestDatabase();
  await seedCharters(database.db);
  let jobs: JobQueue | undefined;
  if (options.sending) jobs = await startJobQueue({ db: database.db, kind: database.kind, databaseUrl: database.url, pollingIntervalSeconds: 0.5 });
  const app = await buildApp({ db: database.db, ...(jobs ? { jobs } : {}) });
  await app.startJobs();
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  await fs.mkdir(RESULTS, { recursive: true });
  return {
    database,
    app,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await jobs?.stop();
      await app.close();
      await database.drop();
    },
  };
}
