// Two real server processes on one PostgreSQL database, as a deployment behind a load balancer
// runs them: citizens apply through either, each receipt SMS is written by the application's own
// transaction, and the job queues of both processes work the one outbox. Every message must reach
// the HTTP gateway exactly once, whichever process takes it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadPublishedCharter } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { start, type Started } from '../test-support.ts';

const JESSORE = 'doict-sadar-jessore';
const APPLICATIONS = 30;
const INSTANCES = ['a', 'b'] as const;
type Instance = (typeof INSTANCES)[number];

interface GatewayCall {
  /** which server sent it: each is given its own path on the gateway */
  instance: string;
  to: string;
  text: string;
}

interface Gateway {
  url: string;
  calls: GatewayCall[];
  close(): Promise<void>;
}

/** An SMS gateway on 127.0.0.1 that takes every message (a little slowly, as real ones do) and remembers it. */
async function startGateway(): Promise<Gateway> {
  const calls: GatewayCall[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    calls.push({ instance: url.pathname.split('/')[1] ?? '', to: url.searchParams.get('to') ?? '', text: url.searchParams.get('text') ?? '' });
    setTimeout(() => response.writeHead(200).end('OK'), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(condition: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Opens the apply form on `server` as a browser does, and posts it as the n-th citizen (an address and a mobile of their own). */
async function applyThrough(server: Started, formPath: string, n: number): Promise<Response> {
  const address = `10.20.${Math.floor(n / 256)}.${n % 256}`;
  const page = await fetch(`${server.url}${formPath}`, { headers: { 'x-forwarded-for': address } });
  const html = await page.text();
  assert.equal(page.status, 200, html);
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const cookie = page.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  const submission = /name="submission" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? '';
  return fetch(`${server.url}${formPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': address },
    body: new URLSearchParams({ name: `নাগরিক ${n}`, mobile: `0171${String(n).padStart(7, '0')}`, email: '', address: 'যশোর', details: '', submission, _csrf: token }).toString(),
    redirect: 'manual',
  });
}

test(
  'two server processes on one database send every receipt SMS of the shared outbox exactly once',
  { skip: process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL): two processes cannot share the embedded PGlite database' },
  async (t) => {
    let database: TestDatabase | undefined;
    let gateway: Gateway | undefined;
    const servers = new Map<Instance, Started>();
    const exits: string[] = [];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'protishruti-two-instances-'));
    try {
      database = await openTestDatabase();
      const databaseUrl = database.url;
      assert.ok(databaseUrl, 'a PostgreSQL database has a URL');
      gateway = await startGateway();
      const secretKey = randomBytes(32).toString('hex');
      // both start together, as a deployment's instances do: the startup lock lets one seed the charters
      const started = await Promise.all(
        INSTANCES.map((instance) =>
          start({
            DATABASE_URL: databaseUrl,
            DATA_DIR: dataDir,
            SECRET_KEY: secretKey,
            TRUST_PROXY: '127.0.0.1',
            SMS_GATEWAY: 'http',
            SMS_HTTP_METHOD: 'GET',
            SMS_HTTP_URL: `${gateway?.url}/${instance}/send?to={to}&text={text}`,
          }),
        ),
      );
      INSTANCES.forEach((instance, i) => {
        const server = started[i];
        assert.ok(server);
        servers.set(instance, server);
        server.child.on('exit', (code) => exits.push(`${instance} exited with ${code}: ${server.output()}`));
      });

      const charter = await loadPublishedCharter(database.db, JESSORE);
      const service = charter.services[0];
      assert.ok(service, 'the Jessore seed charter has a service');
      const formPath = `/offices/${JESSORE}/services/${service.code}/apply`;
      const answers = await Promise.all(
        Array.from({ length: APPLICATIONS }, async (_, n) => {
          const server = servers.get(INSTANCES[n % INSTANCES.length] ?? 'a');
          assert.ok(server);
          const response = await applyThrough(server, formPath, n);
          const body = await response.text();
          assert.equal(response.status, 200, body);
          return /id="tracking-number"[^>]*>([^<]+)</.exec(body)?.[1]?.trim() ?? '';
        }),
      );
      assert.equal(new Set(answers.filter(Boolean)).size, APPLICATIONS, 'every application got a tracking number of its own');

      const db = database.db;
      // each process writes the receipts that reach it together in one batch; across both, the
      // office's numbers still run 1, 2, 3 … with none repeated and none skipped
      const numbered = await db.selectFrom('service_requests').select('sequence_no').orderBy('sequence_no').execute();
      assert.deepEqual(numbered.map((row) => row.sequence_no), Array.from({ length: APPLICATIONS }, (_, i) => i + 1));
      const notifications = () => db.selectFrom('notifications').select(['id', 'status', 'recipient', 'body', 'attempts']).where('channel', '=', 'sms').execute();
      await waitFor(async () => {
        const rows = await notifications();
        return rows.length === APPLICATIONS && rows.every((row) => row.status === 'sent');
      }, 'every receipt SMS sent');
      // a second sending would come after the first was marked sent: give it the time to show
      await new Promise((resolve) => setTimeout(resolve, 3000));

      const rows = await notifications();
      assert.deepEqual(
        rows.filter((row) => row.status !== 'sent').map((row) => `${row.id}: ${row.status}`),
        [],
        'nothing is left queued or failed',
      );
      assert.equal(gateway.calls.length, rows.length, 'the gateway was called once per message');
      const expected = rows.map((row) => `88${row.recipient}\n${row.body}`).sort();
      const received = gateway.calls.map((call) => `${call.to}\n${call.text}`).sort();
      assert.deepEqual(received, expected, 'each message reached the gateway exactly once');
      for (const number of answers) assert.ok(rows.some((row) => row.body.includes(number)), `the receipt of ${number} was sent`);
      assert.deepEqual(exits, [], 'both processes ran throughout');
      assert.ok(INSTANCES.every((instance) => servers.get(instance)?.child.exitCode === null));
      const byInstance = INSTANCES.map((instance) => `${instance}: ${gateway?.calls.filter((call) => call.instance === instance).length}`).join(', ');
      t.diagnostic(`messages sent per process: ${byInstance}`);
    } finally {
      await Promise.all(
        [...servers.values()].map(async ({ child }) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }),
      );
      await gateway?.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
