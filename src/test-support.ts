// The portal as tests start it: the real entry point as a child process on a free port, or the
// app in-process on a seeded private database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestUser } from './accounts/test-support.ts';
import { buildApp, type AppOptions } from './app.ts';
import { loadHolidayData } from './calendar/index.ts';
import { seedCharters } from './charters/index.ts';
import { openTestDatabase, type TestDatabase } from './core/db/test-database.ts';
import { PROJECT_ROOT } from './core/paths.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Started {
  child: ChildProcess;
  url: string;
  /** everything it wrote so far, stdout and stderr */
  output: () => string;
}

export async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (\S+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

export async function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}


/** The portal as the HTTP tests want it: a private database with both seed charters and the holiday files, and a system administrator's token. */
export interface SeededApp {
  database: TestDatabase;
  app: FastifyInstance;
  /** `Bearer pt_…` of a system administrator */
  adminAuthorization: string;
  close(): Promise<void>;
}

export async function openSeededApp(options: Omit<AppOptions, 'db'> = {}): Promise<SeededApp> {
  const database = await openTestDatabase();
  await seedCharters(database.db);
  await loadHolidayData(database.db);
  const app = await buildApp({ ...options, db: database.db });
  const { authorization } = await createTestUser(database.db, 'system_admin');
  return {
    database,
    app,
    adminAuthorization: authorization,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
