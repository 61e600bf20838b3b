// Receipts in batches: what each receipt of a batch gets, and that a batch costs the round trips
// of one receipt however many it carries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type KyselyPlugin } from 'kysely';
import { loadHolidayData } from '../calendar/index.ts';
import { seedCharters } from '../charters/index.ts';
import type { Actor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { startJobQueue, type JobQueue } from '../core/jobs.ts';
import { consoleGateway, createNotifier } from '../notifications/index.ts';
import { requireOfficeId } from '../offices/index.ts';
import { receiveMany, type Receipt, type ReceiptOutcome, type RequestNotices } from './receipts.ts';
import { defineReminderQueue, REMIND_QUEUE } from './reminders.ts';
import { checkCitizen } from './request-service.ts';
import { ONLINE_LIMITS } from './submission-limits.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';

let database: TestDatabase;
let jobs: JobQueue;
let notices: RequestNotices;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };
let citizens = 0;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await loadHolidayData(database.db);
  jessore = { id: await requireOfficeId(database.db, JESSORE), slug: JESSORE };
  jaintiapur = { id: await requireOfficeId(database.db, JAINTIAPUR), slug: JAINTIAPUR };
  jobs = await startJobQueue({ db: database.db, kind: database.kind, databaseUrl: database.url });
  await defineReminderQueue(jobs);
  const mailer = { kind: 'outbox' as const, send: async () => undefined, close: async () => undefined };
  const notifier = createNotifier({ db: database.db, jobs, sms: consoleGateway, mailer });
  await notifier.startSending();
  notices = { notifier, jobs };
});
after(async () => {
  await jobs.stop();
  await database.drop();
});

/** An online application of its own citizen (address and mobile), unless told otherwise. */
function application(office: { id: number; slug: string }, serviceCode: string, given: { mobile?: string; ip?: string; submissionKey?: string } = {}): Receipt {
  const n = citizens++;
  const actor: Actor = { userId: null, label: 'citizen', ip: given.ip ?? `10.66.${Math.floor(n / 250)}.${n % 250}` };
  const citizen = { name: `নাগরিক ${n}`, mobile: given.mobile ?? `018${String(n).padStart(8, '0')}` };
  return {
    actor,
    intake: { office, serviceCode, channel: 'online', receivedAt: new Date(), citizen, details: 'ব্যাচ', submissionKey: given.submissionKey },
    citizen: checkCitizen(citizen, 'online'),
    notices,
  };
}

/** The batch received in one transaction, and how many statements it sent (begin and commit aside). */
async function receiveCounting(receipts: readonly Receipt[]): Promise<{ outcomes: ReceiptOutcome[]; statements: number }> {
  let statements = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements += 1;
      return args.result;
    },
  };
  const outcomes = await database.db.withPlugin(counting).transaction().execute((trx) => receiveMany(trx, receipts));
  return { outcomes, statements };
}

const requestOf = (outcome: ReceiptOutcome | undefined) => {
  assert.ok(outcome && 'request' in outcome, `a request, not ${JSON.stringify(outcome)}`);
  return outcome.request;
};
const refusalOf = (outcome: ReceiptOutcome | undefined) => {
  assert.ok(outcome && 'refused' in outcome, 'a refusal');
  return outcome.refused.code;
};

test('a batch of twenty receipts sends as many statements as a batch of one', async () => {
  // each office's tracking letters are made by its first request, once
  await receiveCounting([application(jessore, 's1'), application(jaintiapur, 's1')]);
  const one = await receiveCounting([application(jessore, 's1')]);
  const twenty = await receiveCounting(Array.from({ length: 20 }, (_, index) => application(index % 2 ? jessore : jaintiapur, 's1')));
  assert.equal(twenty.outcomes.filter((outcome) => 'request' in outcome).length, 20);
  // one application in fifty also clears old rows of the online limits: one statement more
  assert.ok(twenty.statements <= one.statements + 1, `one: ${one.statements} statements, twenty: ${twenty.statements}`);
});

test("a batch numbers each office's receipts in turn, and a service the charter does not offer is refused without using a number", async () => {
  const { outcomes } = await receiveCounting([
    application(jessore, 's1'),
    application(jaintiapur, 's2'),
    application(jessore, 'no-such-service'),
    application(jessore, 's2'),
  ]);
  const [first, other, refused, second] = outcomes;
  assert.equal(refusalOf(refused), 'service_not_offered');
  assert.equal(requestOf(second).sequence_no, requestOf(first).sequence_no + 1);
  assert.notEqual(requestOf(other).tracking_number.split('-')[0], requestOf(first).tracking_number.split('-')[0]);
  const events = await database.db.selectFrom('request_events').select(['request_id', 'action']).where('request_id', 'in', [requestOf(first).id, requestOf(second).id, requestOf(other).id]).execute();
  assert.equal(events.filter((event) => event.action === 'received').length, 3);
  const clocks = await database.db.selectFrom('deadline_clocks').select(['subject_id', 'due_at']).where('subject_id', 'in', [requestOf(first).tracking_number, requestOf(second).tracking_number]).execute();
  assert.equal(clocks.length, 2);
  assert.deepEqual(new Set(clocks.map((clock) => clock.due_at?.toISOString())), new Set([requestOf(first).due_at?.toISOString(), requestOf(second).due_at?.toISOString()]));
});

test('a form sent twice in one batch, or again in a later one, gets the request it made the first time', async () => {
  const key = 'f'.repeat(32);
  const { outcomes } = await receiveCounting([application(jessore, 's1', { submissionKey: key }), application(jessore, 's1', { submissionKey: key })]);
  const [first, again] = outcomes;
  assert.equal(requestOf(again).id, requestOf(first).id);
  const later = await receiveCounting([application(jessore, 's1', { submissionKey: key })]);
  assert.equal(requestOf(later.outcomes[0]).id, requestOf(first).id);
  const made = await database.db.selectFrom('service_requests').select('id').where('submission_key', '=', key).execute();
  assert.equal(made.length, 1);
});

test('the online limits count the applications before it in the same batch', async () => {
  const mobile = '01999000111';
  const batch = Array.from({ length: ONLINE_LIMITS.perMobile.count + 2 }, () => application(jessore, 's1', { mobile }));
  const { outcomes } = await receiveCounting(batch);
  assert.deepEqual(
    outcomes.map((outcome) => ('request' in outcome ? 'received' : outcome.refused.code)),
    [...Array.from({ length: ONLINE_LIMITS.perMobile.count }, () => 'received'), 'too_many_applications', 'too_many_applications'],
  );
  const counted = await database.db.selectFrom('online_submissions').select('id').where('mobile', '=', mobile).execute();
  assert.equal(counted.length, ONLINE_LIMITS.perMobile.count);
});

test("each receipt of a batch has its citizen's message and its officer's reminder queued", async () => {
  const { outcomes } = await receiveCounting([application(jessore, 's1'), application(jaintiapur, 's1'), application(jessore, 's2')]);
  const numbers = outcomes.map((outcome) => requestOf(outcome).tracking_number);
  const messages = await database.db.selectFrom('notifications').select(['subject_id', 'template', 'body']).where('subject_id', 'in', numbers).execute();
  assert.deepEqual(messages.map((message) => message.subject_id).sort(), [...numbers].sort());
  for (const message of messages) assert.ok(message.subject_id && message.body.includes(message.subject_id), message.body);
  const timed = outcomes.filter((outcome) => requestOf(outcome).due_at !== null).map((outcome) => requestOf(outcome).id);
  const { rows } = await sql<{ request_id: number }>`select (data->>'requestId')::int as request_id from pgboss.job where name = ${REMIND_QUEUE}`.execute(database.db);
  assert.ok(timed.length > 0);
  for (const id of timed) assert.ok(rows.some((row) => row.request_id === id), `a reminder for request ${id}`);
});
