// The portal as a newcomer starts it: the real entry point on an empty DATA_DIR, then again.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from './core/db/test-database.ts';
import { PROJECT_ROOT } from './core/paths.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-start-'));
let database: TestDatabase | undefined;
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
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
  return { child, url };
}

async function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function officeSlugs(url: string): Promise<string[]> {
  const page = await (await fetch(`${url}/`)).text();
  return [...new Set([...page.matchAll(/href="\/offices\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? ''))].sort();
}

test('npm start on an empty data directory serves both seed charters, and a restart adds nothing', async () => {
  if (process.env.DATABASE_URL) database = await openTestDatabase();
  const env: Record<string, string> = database?.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: dataDir };

  const first = await start(env);
  try {
    assert.deepEqual(await officeSlugs(first.url), ['doict-jaintiapur-sylhet', 'doict-sadar-jessore']);
    const charter = await fetch(`${first.url}/offices/doict-sadar-jessore`);
    assert.equal(charter.status, 200);
    assert.match(await charter.text(), /ফারুক হোসেন/);
    assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
  } finally {
    assert.equal(await stop(first.child), 0);
  }

  const second = await start(env);
  try {
    assert.deepEqual(await officeSlugs(second.url), ['doict-jaintiapur-sylhet', 'doict-sadar-jessore']);
    const exported = (await (await fetch(`${second.url}/offices/doict-jaintiapur-sylhet/charter.json`)).json()) as { services: unknown[] };
    assert.equal(exported.services.length, 19);
  } finally {
    await stop(second.child);
  }
});

test('a bad setting stops start-up with a message naming it', async () => {
  await assert.rejects(start({ PORT: 'eighty', DATA_DIR: dataDir }), /PORT/);
});

const embeddedOnly = { skip: process.env.DATABASE_URL ? 'PostgreSQL is shared by many processes by design' : false };

test('the CLI refuses to write to the embedded database while the server has it open', embeddedOnly, async () => {
  const lockedDir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-busy-'));
  const server = await start({ DATABASE_URL: '', DATA_DIR: lockedDir });
  try {
    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/main.ts'), 'calendar', 'list'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: lockedDir },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /in use by another Protishruti process/);
  } finally {
    await stop(server.child);
    rmSync(lockedDir, { recursive: true, force: true });
  }
});
