// The officer's reminder one working day before a request falls due: a job queued in the
// transaction that gives the request its due moment (receipt, resume, the new request of a
// transfer), and the worker that, when it fires, mails whoever handles the request — unless the
// request has closed, waits for the citizen, or its due moment has moved later since.
import type { Kysely } from 'kysely';
import { listOfficeStaff } from '../accounts/index.ts';
import { readWorkingCalendars } from '../calendar/index.ts';
import type { DB } from '../core/db/schema.ts';
import { formatMoment } from '../core/format.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import type { JobQueue } from '../core/jobs.ts';
import type { Notifier } from '../notifications/index.ts';
import { findOfficeSlug } from '../offices/index.ts';
import { insertEvent, type RequestRow } from './repository.ts';
import { CLOSED_STATUSES } from './request-states.ts';
import { reminderStart } from './reminder-moment.ts';

export const REMIND_QUEUE = 'request.remind';
/** a reminder that cannot be written is tried again a few times, a minute apart and then longer */
const REMIND_RETRIES = 5;
const FIRST_RETRY_SECONDS = 60;

export interface ReminderJob {
  requestId: number;
  /** the due moment the reminder was scheduled for (ISO) */
  dueAt: string;
}

type Reminded = Pick<RequestRow, 'id' | 'office_id' | 'status' | 'due_at'>;

/** Running towards a due moment: open, and not waiting for the citizen (a returned request's clock is stopped). */
const isRunning = (request: Reminded): request is Reminded & { due_at: Date } =>
  request.due_at !== null && request.status !== 'returned' && !CLOSED_STATUSES.some((status) => status === request.status);

/**
 * Queues the reminder of the request's due moment in `trx`, the change's own transaction, so the
 * job exists exactly when the change commits. One job per request and due moment.
 */
export async function scheduleReminder(trx: Kysely<DB>, jobs: JobQueue | undefined, request: Reminded, now = new Date()): Promise<void> {
  await scheduleReminders(trx, jobs, [request], now);
}

/** scheduleReminder for a batch of requests: one read of the calendars and one statement for the jobs. */
export async function scheduleReminders(trx: Kysely<DB>, jobs: JobQueue | undefined, requests: readonly Reminded[], now = new Date()): Promise<void> {
  const running = requests.filter(isRunning);
  if (!jobs || running.length === 0) return;
  const calendars = await readWorkingCalendars(trx, running.map((request) => request.office_id));
  await jobs.sendMany<ReminderJob>(
    trx,
    REMIND_QUEUE,
    running.map((request, index) => {
      const dueAt = request.due_at.toISOString();
      const calendar = calendars[index];
      if (!calendar) throw new Error(`no working calendar for office ${request.office_id}`);
      return { data: { requestId: request.id, dueAt }, options: { startAfter: reminderStart(calendar, request.due_at, now), singletonKey: `request:${request.id}:${dueAt}` } };
    }),
  );
}

export interface RemindersOptions {
  db: Kysely<DB>;
  jobs: JobQueue;
  notifier: Notifier;
  /** the portal's address, for the link to the request in the e-mail */
  publicUrl?: string | undefined;
}

/** Declares the reminder queue: before any change that schedules a reminder on it. */
export async function defineReminderQueue(jobs: JobQueue): Promise<void> {
  await jobs.define(REMIND_QUEUE, { retryLimit: REMIND_RETRIES, retryDelaySeconds: FIRST_RETRY_SECONDS, waiting: 'unique' });
}

/** Starts working the reminder queue (one worker per instance; each reminder is taken by one of them). */
export async function startReminders(options: RemindersOptions): Promise<void> {
  await defineReminderQueue(options.jobs);
  await options.jobs.work<ReminderJob>(REMIND_QUEUE, async (job) => {
    await remindOfficer(options, job.data);
  });
}

export type ReminderOutcome = 'reminded' | 'rescheduled' | 'not_needed';

/** What a reminder job does when it fires; the mail and the 'reminded' event are written together. */
export async function remindOfficer(options: RemindersOptions, job: ReminderJob): Promise<ReminderOutcome> {
  return options.db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('service_requests').selectAll().where('id', '=', job.requestId).forUpdate().executeTakeFirst();
    if (!request || !isRunning(request)) return 'not_needed';
    if (request.due_at.getTime() > new Date(job.dueAt).getTime()) {
      await scheduleReminder(trx, options.jobs, request);
      return 'rescheduled';
    }
    // the record of the reminder names the due moment: a second job for the same moment sends nothing
    const note = t('bn', 'request_reminder.event_note', { due: formatMoment('bn', request.due_at) });
    const sent = await trx.selectFrom('request_events').select('id').where('request_id', '=', request.id).where('action', '=', 'reminded').where('note', '=', note).executeTakeFirst();
    if (sent) return 'not_needed';
    const recipients = await recipientsOf(trx, request);
    const link = await requestLink(trx, options.publicUrl, request);
    for (const to of recipients) {
      await options.notifier.queue(trx, {
        officeId: request.office_id,
        about: { type: 'request', id: request.tracking_number },
        template: 'request.reminder',
        channel: 'email',
        to,
        subject: `${reminderText('bn', 'request_reminder.subject', request)} / ${reminderText('en', 'request_reminder.subject', request)}`,
        text: `${reminderBody('bn', request, link)}\n\n${reminderBody('en', request, link)}`,
      });
    }
    await insertEvent(trx, {
      requestId: request.id,
      at: new Date(),
      action: 'reminded',
      public: false,
      statusAfter: request.status,
      actorUserId: null,
      actorLabel: 'system',
      note,
    });
    return 'reminded';
  });
}

/** The assigned officer; when nobody is (or they no longer work there), the office's officers and office administrators. */
async function recipientsOf(db: Kysely<DB>, request: RequestRow): Promise<string[]> {
  const staff = await listOfficeStaff(db, request.office_id);
  const assignee = staff.find((member) => member.id === request.assigned_user_id);
  if (assignee) return [assignee.email];
  return staff.filter((member) => member.roles.includes('officer') || member.roles.includes('office_admin')).map((member) => member.email);
}

async function requestLink(db: Kysely<DB>, publicUrl: string | undefined, request: RequestRow): Promise<string | null> {
  const slug = await findOfficeSlug(db, request.office_id);
  if (!publicUrl || slug === null) return null;
  return `${publicUrl}/offices/${encodeURIComponent(slug)}/requests/${encodeURIComponent(request.tracking_number)}`;
}

function reminderText(lang: Lang, key: 'request_reminder.subject' | 'request_reminder.due', request: RequestRow): string {
  const service = (lang === 'en' ? request.service_name_en : null) ?? request.service_name_bn;
  return t(lang, key, { number: request.tracking_number, service, due: request.due_at ? formatMoment(lang, request.due_at) : '' });
}

function reminderBody(lang: Lang, request: RequestRow, link: string | null): string {
  const lines = [reminderText(lang, 'request_reminder.due', request)];
  if (link) lines.push(t(lang, 'request_reminder.open', { url: link }));
  return lines.join('\n');
}
