// The officer's due-date reminder through the real job queue: scheduled with the change that sets
// the due moment, mailed to the assignee when it fires, not sent for a request closed meanwhile,
// and moved to the new moment when the due moment has moved later.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { loadHolidayData, loadWorkingCalendar } from '../calendar/index.ts';
import { seedCharters } from '../charters/index.ts';
import { systemActor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { startJobQueue, type JobQueue } from '../core/jobs.ts';
import type { MailMessage } from '../mail/index.ts';
import { consoleGateway, createNotifier } from '../notifications/index.ts';
import { requireOfficeId } from '../offices/index.ts';
import { reminderMoment } from './reminder-moment.ts';
import { defineReminderQueue, REMIND_QUEUE, startReminders } from './reminders.ts';
import { actOnRequest, receiveRequest, type RequestNotices } from './request-service.ts';

const JESSORE = 'doict-sadar-jessore';
const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };

let database: TestDatabase;
let jessore: { id: number; slug: string };
let officer: TestUser;
let admin: TestUser;
/** the queues of the test running now: stopped at its end, so no worker of one test takes another's jobs */
let queues: JobQueue[] = [];
const mailed: MailMessage[] = [];

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await loadHolidayData(database.db);
  jessore = { id: await requireOfficeId(database.db, JESSORE), slug: JESSORE };
  officer = await createTestUser(database.db, 'officer', { kind: 'office', slug: JESSORE });
  admin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: JESSORE });
});
afterEach(async () => {
  for (const queue of queues) await queue.stop();
  queues = [];
});
after(() => database.drop());

/** A started queue whose notifier sends mail into `mailed`, with the reminder queue declared but not yet worked. */
async function setUp(): Promise<{ jobs: JobQueue; notices: RequestNotices; startWorker: () => Promise<void> }> {
  const jobs = await startJobQueue({ db: database.db, kind: database.kind, databaseUrl: database.url, pollingIntervalSeconds: 1 });
  queues.push(jobs);
  const mailer = { kind: 'outbox' as const, send: async (message: MailMessage) => void mailed.push(message), close: async () => undefined };
  const notifier = createNotifier({ db: database.db, jobs, sms: consoleGateway, mailer, retry: { retryLimit: 0, retryDelaySeconds: 1 } });
  await notifier.startSending();
  await defineReminderQueue(jobs);
  return { jobs, notices: { notifier, jobs }, startWorker: () => startReminders({ db: database.db, jobs, notifier, publicUrl: 'https://protishruti.test' }) };
}

async function waitFor<T>(find: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  for (const started = Date.now(); ; ) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface JobRow {
  id: string;
  state: string;
  singleton_key: string | null;
  start_after: Date;
  data: { requestId: number; dueAt: string };
}

async function remindJobs(requestId: number): Promise<JobRow[]> {
  const { rows } = await sql<JobRow>`select id, state, singleton_key, start_after, data from pgboss.job where name = ${REMIND_QUEUE} order by created_on`.execute(database.db);
  return rows.filter((row) => Number(row.data.requestId) === requestId);
}

const reminderMessages = (number: string) =>
  database.db.selectFrom('notifications').selectAll().where('template', '=', 'request.reminder').where('subject_id', '=', number).execute();
const remindedEvents = (requestId: number) => database.db.selectFrom('request_events').selectAll().where('request_id', '=', requestId).where('action', '=', 'reminded').execute();

/**
 * A request received at the desk a month ago (so its due moment has passed), assigned, returned and
 * resumed now with the queue: the resume gives it a due moment, and with it a reminder due at once.
 */
async function overdueResumed(notices: RequestNotices, assignee: number | null) {
  const received = await receiveRequest(database.db, desk, {
    office: jessore,
    serviceCode: 's1',
    channel: 'in_person',
    receivedAt: new Date(Date.now() - 30 * 86_400_000),
    citizen: { name: 'রহিম উদ্দিন', mobile: '01712345678' },
    details: '',
  });
  if (assignee !== null) await actOnRequest(database.db, systemActor, jessore.id, received.tracking_number, { action: 'assign', assigneeId: assignee });
  await actOnRequest(database.db, systemActor, jessore.id, received.tracking_number, { action: 'return', note: 'ছবি' });
  const resumed = await actOnRequest(database.db, systemActor, jessore.id, received.tracking_number, { action: 'resume' }, notices);
  assert.ok(resumed.due_at && resumed.due_at.getTime() < Date.now(), 'the due moment has passed');
  return resumed;
}

test('receipt schedules the reminder in its own transaction, for the opening of the working day before the due date', async () => {
  const { notices } = await setUp();
  const received = await receiveRequest(database.db, desk, { office: jessore, serviceCode: 's1', channel: 'in_person', receivedAt: new Date(), citizen: { name: 'করিম', mobile: '01812345678' }, details: '' }, notices);
  assert.ok(received.due_at);
  const [job, ...more] = await remindJobs(received.id);
  assert.ok(job, 'a reminder job exists once the receipt has committed');
  assert.equal(more.length, 0);
  assert.equal(job.singleton_key, `request:${received.id}:${received.due_at.toISOString()}`);
  const expected = reminderMoment(await loadWorkingCalendar(database.db, jessore.id), received.due_at);
  if (expected.getTime() > Date.now() + 5_000) assert.equal(new Date(job.start_after).getTime(), expected.getTime());
  else assert.ok(new Date(job.start_after).getTime() <= Date.now() + 5_000, 'less than a working day left: at once');
});

test('a reminder fires for an open assigned request and mails the assignee, with a note in the history', async () => {
  const { notices, startWorker } = await setUp();
  const request = await overdueResumed(notices, officer.id);
  await startWorker();
  const [message] = await waitFor(async () => {
    const rows = await reminderMessages(request.tracking_number);
    return rows.length > 0 ? rows : undefined;
  }, 'the reminder');
  assert.equal(message?.recipient, officer.email);
  assert.equal(message?.channel, 'email');
  assert.match(message?.body ?? '', new RegExp(`${request.tracking_number}[\\s\\S]*Request ${request.tracking_number}`), 'Bangla, then English');
  assert.match(message?.body ?? '', /https:\/\/protishruti\.test\/offices\/doict-sadar-jessore\/requests\//);
  const sent = await waitFor(async () => mailed.find((mail) => mail.to === officer.email && mail.text.includes(request.tracking_number)), 'the mail');
  assert.match(sent.subject, /Reminder/);
  const [event, ...others] = await remindedEvents(request.id);
  assert.equal(event?.public, false, 'the reminder is internal');
  assert.equal(others.length, 0);
  assert.equal((await reminderMessages(request.tracking_number)).length, 1, 'the assignee only, not the whole office');
});

test('with nobody assigned, the office\'s officers and administrators are reminded', async () => {
  const { notices, startWorker } = await setUp();
  const request = await overdueResumed(notices, null);
  await startWorker();
  const messages = await waitFor(async () => {
    const rows = await reminderMessages(request.tracking_number);
    return rows.length >= 2 ? rows : undefined;
  }, 'the reminders');
  const recipients = messages.map((message) => message.recipient);
  assert.ok(recipients.includes(officer.email) && recipients.includes(admin.email), recipients.join(', '));
});

test('a request delivered before its reminder fires gets none', async () => {
  const { notices, startWorker } = await setUp();
  const request = await overdueResumed(notices, officer.id);
  await actOnRequest(database.db, systemActor, jessore.id, request.tracking_number, { action: 'deliver' });
  await startWorker();
  await waitFor(async () => ((await remindJobs(request.id)).every((job) => job.state === 'completed') ? true : undefined), 'the job to run');
  assert.deepEqual(await reminderMessages(request.tracking_number), []);
  assert.deepEqual(await remindedEvents(request.id), []);
});

test('a due moment moved later makes the early job schedule itself for the new moment instead of mailing', async () => {
  const { notices, startWorker } = await setUp();
  const request = await overdueResumed(notices, officer.id);
  // the calendar moved the promise ten days on (the request's copy follows its clock)
  const later = new Date(Date.now() + 10 * 86_400_000);
  await database.db.updateTable('deadline_clocks').set({ due_at: later }).where('subject_type', '=', 'request').where('subject_id', '=', request.tracking_number).execute();
  await startWorker();
  const moved = await waitFor(async () => (await remindJobs(request.id)).find((job) => job.singleton_key === `request:${request.id}:${later.toISOString()}`), 'the rescheduled job');
  assert.equal(moved.state, 'created', 'waiting for its moment');
  const expected = reminderMoment(await loadWorkingCalendar(database.db, jessore.id), later);
  assert.equal(new Date(moved.start_after).getTime(), expected.getTime());
  assert.ok(expected.getTime() > Date.now());
  await waitFor(async () => ((await remindJobs(request.id)).find((job) => job.data.dueAt === request.due_at?.toISOString())?.state === 'completed' ? true : undefined), 'the early job');
  assert.deepEqual(await reminderMessages(request.tracking_number), []);
  assert.deepEqual(await remindedEvents(request.id), []);
});
