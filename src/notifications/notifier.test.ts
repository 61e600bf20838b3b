// Messages written in a transaction and sent by the job queue: over a real SMTP exchange and a
// real HTTP gateway on 127.0.0.1, retried when the gateway fails, kept as failed when it keeps
// failing, and sent once however many instances work the queue.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, test } from 'node:test';
import { sql, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { startJobQueue, type JobQueue } from '../core/jobs.ts';
import { createSmtpMailer } from '../mail/index.ts';
import { startSmtpServer } from '../mail/test-support.ts';
import { createNotifier, SEND_QUEUE, type OutgoingMessage } from './notifier.ts';
import { consoleGateway, httpGateway, type SmsGateway } from './sms-gateway.ts';

let database: TestDatabase;
/** the queues of the test running now: stopped at its end, so no worker of one test takes another's messages */
let queues: JobQueue[] = [];

before(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  for (const queue of queues) await queue.stop();
  queues = [];
});
after(async () => {
  await database.drop();
});

async function newQueue(): Promise<JobQueue> {
  const queue = await startJobQueue({ db: database.db, kind: database.kind, databaseUrl: database.url, pollingIntervalSeconds: 0.5 });
  queues.push(queue);
  return queue;
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, ms = 30_000): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const row = (id: number) => database.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const sms = (text: string, to = '01712345678'): OutgoingMessage => ({ officeId: null, about: { type: 'request', id: 'TST-2026-000001-0' }, template: 'test', channel: 'sms', to, text });

interface Gateway {
  url: string;
  calls: { method: string; url: string; body: string; authorization: string | undefined }[];
  /** answers 503 to this many calls first */
  failFirst: number;
  close: () => Promise<void>;
}

async function startGateway(): Promise<Gateway> {
  const gateway: Gateway = { url: '', calls: [], failFirst: 0, close: async () => undefined };
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      gateway.calls.push({ method: request.method ?? '', url: request.url ?? '', body, authorization: request.headers.authorization });
      const failing = gateway.failFirst > 0;
      if (failing) gateway.failFirst -= 1;
      response.writeHead(failing ? 503 : 200).end(failing ? 'busy' : 'OK');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gateway.close = () => new Promise((resolve) => server.close(() => resolve()));
  return gateway;
}

test('an SMS goes to the HTTP gateway as configured, Bangla intact, and is marked sent with its segment count', async () => {
  const gateway = await startGateway();
  const smsGateway = httpGateway({ gateway: 'http', url: `${gateway.url}/send`, method: 'POST', body: '{"to":"{to}","message":"{text}"}', authorization: 'Bearer gateway-key' });
  const smtp = await startSmtpServer();
  const mailer = createSmtpMailer({ url: smtp.url, from: 'Protishruti <no-reply@portal.test>' });
  const notifier = createNotifier({ db: database.db, jobs: await newQueue(), sms: smsGateway, mailer, retry: { retryLimit: 0, retryDelaySeconds: 1 } });
  await notifier.startSending();
  const text = 'আপনার আবেদন গৃহীত হয়েছে। ট্র্যাকিং নম্বর TST-2026-000001-0।';
  const id = await database.db.transaction().execute((trx) => notifier.queue(trx, sms(text)));
  const mailId = await database.db.transaction().execute((trx) =>
    notifier.queue(trx, { officeId: null, about: { type: 'request', id: 'TST-2026-000001-0' }, template: 'test', channel: 'email', to: 'citizen@example.com', subject: 'আবেদন / Request', text: 'গৃহীত\nReceived' }),
  );
  await waitFor(async () => (await row(id)).status === 'sent' && (await row(mailId)).status === 'sent', 'both sent');
  assert.equal(gateway.calls.length, 1);
  const call = gateway.calls[0];
  assert.equal(call?.method, 'POST');
  assert.equal(call?.authorization, 'Bearer gateway-key');
  assert.deepEqual(JSON.parse(call?.body ?? '{}'), { to: '8801712345678', message: text });
  const stored = await row(id);
  assert.equal(stored.encoding, 'ucs2');
  assert.equal(stored.segments, 1);
  assert.equal(stored.gateway, 'http');
  const mail = await smtp.waitFor('citizen@example.com');
  assert.match(mail.text, /গৃহীত/);
  await mailer.close();
  await smtp.close();
  await gateway.close();
});

test('a message is written only if its change commits', async () => {
  const calls: string[] = [];
  const recorder: SmsGateway = { name: 'console', send: async (_to, text) => void calls.push(text) };
  const notifier = createNotifier({ db: database.db, jobs: await newQueue(), sms: recorder, mailer: unusedMailer, retry: { retryLimit: 0, retryDelaySeconds: 1 } });
  await notifier.startSending();
  await database.db
    .transaction()
    .execute(async (trx) => {
      await notifier.queue(trx, sms('rolled back'));
      throw new Error('the change fails');
    })
    .catch(() => undefined);
  const count = await database.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('body', '=', 'rolled back').executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0);
});

test('a gateway that fails is tried again; one that keeps failing leaves the message failed, with the reason, never lost', async () => {
  const gateway = await startGateway();
  gateway.failFirst = 2;
  const notifier = createNotifier({
    db: database.db,
    jobs: await newQueue(),
    sms: httpGateway({ gateway: 'http', url: `${gateway.url}/send?to={to}&text={text}`, method: 'GET', body: undefined, authorization: undefined }),
    mailer: unusedMailer,
    retry: { retryLimit: 3, retryDelaySeconds: 1 },
  });
  await notifier.startSending();
  const recovered = await database.db.transaction().execute((trx) => notifier.queue(trx, sms('second time lucky')));
  await waitFor(async () => (await row(recovered)).status === 'sent', 'the retried message sent', 60_000);
  assert.equal((await row(recovered)).attempts, 3);
  assert.match(gateway.calls[0]?.url ?? '', /^\/send\?to=8801712345678&text=second%20time%20lucky$/);

  gateway.failFirst = 1000;
  const doomed = await database.db.transaction().execute((trx) => notifier.queue(trx, sms('never arrives')));
  await waitFor(async () => (await row(doomed)).status === 'failed', 'the message marked failed', 90_000);
  const failed = await row(doomed);
  assert.equal(failed.attempts, 4);
  assert.match(failed.last_error ?? '', /503/);
  await gateway.close();
});

test('two instances working one queue send each message exactly once', async () => {
  const sent: string[] = [];
  const recorder: SmsGateway = {
    name: 'console',
    send: async (_to, text) => {
      sent.push(text);
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
  const first = createNotifier({ db: database.db, jobs: await newQueue(), sms: recorder, mailer: unusedMailer, retry: { retryLimit: 0, retryDelaySeconds: 1 } });
  const second = createNotifier({ db: database.db, jobs: await newQueue(), sms: recorder, mailer: unusedMailer, retry: { retryLimit: 0, retryDelaySeconds: 1 } });
  await first.startSending();
  await second.startSending();
  const texts = Array.from({ length: 30 }, (_, i) => `message ${i}`);
  const ids: number[] = [];
  for (const text of texts) ids.push(await database.db.transaction().execute((trx) => (Number(text.slice(8)) % 2 ? first : second).queue(trx, sms(text))));
  await waitFor(async () => {
    const done = await database.db.selectFrom('notifications').select('id').where('id', 'in', ids).where('status', '=', 'sent').execute();
    return done.length === ids.length;
  }, 'all thirty sent');
  assert.deepEqual([...sent].filter((text) => texts.includes(text)).sort(), [...texts].sort());
});

test('many messages are written in two statements, their ids in the messages\' order; none for none', async () => {
  const notifier = createNotifier({ db: database.db, jobs: await newQueue(), sms: consoleGateway, mailer: unusedMailer });
  const messages = ['first', 'second', 'third', 'fourth'].map((text, i) => sms(text, `0171000000${i}`));
  let statements = 0;
  const counting = { transformQuery: (args: PluginTransformQueryArgs) => args.node, transformResult: async (args: PluginTransformResultArgs) => (statements++, args.result) };
  const [ids, none] = await database.db.transaction().execute(async (trx) => [await notifier.queueMany(trx.withPlugin(counting), messages), await notifier.queueMany(trx.withPlugin(counting), [])]);
  assert.equal(statements, 2, 'one insert of the messages and one of their jobs');
  assert.deepEqual(none, []);
  assert.equal(ids.length, 4);
  const rows = await Promise.all(ids.map(row));
  assert.deepEqual(rows.map((stored) => [stored.body, stored.recipient, stored.status]), messages.map((message) => [message.text, message.to, 'queued']));
  const jobs = await sql<{ id: number }>`select (data->>'id')::int as id from pgboss.job where name = ${SEND_QUEUE} and (data->>'id')::int in (${sql.join(ids)})`.execute(database.db);
  assert.deepEqual(jobs.rows.map((job) => Number(job.id)).sort((a, b) => a - b), [...ids].sort((a, b) => a - b), 'a job for each message');
});

test('in a batch whose gateway fails one message, the others are sent once and the failing one is retried, then kept as failed', async () => {
  const calls: string[] = [];
  const recorder: SmsGateway = {
    name: 'console',
    send: async (_to, text) => {
      calls.push(text);
      if (text === 'doomed') throw new Error('the gateway refused it');
    },
  };
  const mails: string[] = [];
  const mailer = { kind: 'outbox' as const, send: async (mail: { text: string }) => void mails.push(mail.text), close: async () => undefined };
  const retry = { retryLimit: 2, retryDelaySeconds: 1 };
  const jobs = await newQueue();
  // a job takes the retry settings its queue has when it is written
  await jobs.define(SEND_QUEUE, retry);
  const notifier = createNotifier({ db: database.db, jobs, sms: recorder, mailer, retry });
  const texts = ['one', 'two', 'doomed', 'three', 'four'];
  const mail: OutgoingMessage = { officeId: null, about: { type: 'request', id: 'TST-2026-000001-0' }, template: 'test', channel: 'email', to: 'citizen@example.com', subject: 's', text: 'by mail' };
  // written before the sender starts, so its first fetch takes them together
  const ids = await database.db.transaction().execute((trx) => notifier.queueMany(trx, [...texts.map((text) => sms(text)), mail]));
  await notifier.startSending();
  const doomedId = ids[2] ?? 0;
  await waitFor(async () => (await row(doomedId)).status === 'failed', 'the failing message kept as failed', 60_000);
  const rows = await Promise.all(ids.map(row));
  assert.deepEqual(rows.map((stored) => [stored.body, stored.status, stored.attempts, stored.gateway]), [
    ['one', 'sent', 1, 'console'],
    ['two', 'sent', 1, 'console'],
    ['doomed', 'failed', 3, null],
    ['three', 'sent', 1, 'console'],
    ['four', 'sent', 1, 'console'],
    ['by mail', 'sent', 1, 'outbox'],
  ]);
  assert.match(rows[2]?.last_error ?? '', /refused/);
  // (messages earlier tests left queued go out too)
  assert.deepEqual(calls.filter((text) => texts.includes(text)).sort(), ['doomed', 'doomed', 'doomed', 'four', 'one', 'three', 'two'], 'each other message went to the gateway once');
  assert.deepEqual(mails, ['by mail']);
});

const unusedMailer = {
  kind: 'outbox' as const,
  send: async () => {
    throw new Error('no mail in this test');
  },
  close: async () => undefined,
};
