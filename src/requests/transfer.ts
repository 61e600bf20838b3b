// Transfer of a request to another office, for a service that office gives: in one transaction
// the request here closes (status transferred, its clock closed, on time left unsaid), a new
// request is received there with its own number and its own clock from the moment of transfer,
// each history says where the other went or came from, both offices' audit logs record it, and
// the citizen is told the new number.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { closeClock, holdCalendarSteady } from '../calendar/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { t } from '../core/i18n/index.ts';
import { findOfficeBySlug, findOfficeSlug } from '../offices/index.ts';
import { RequestsError } from './errors.ts';
import { copyAttachments } from './attachments-repository.ts';
import { findOfficeRequest, insertEvent, updateRequest, type RequestRow } from './repository.ts';
import { citizenMessages } from './request-messages.ts';
import { auditState, checkCitizen, receiveOnce, requestClock, type RequestNotices } from './request-service.ts';
import { canTake } from './request-states.ts';

export interface TransferInput {
  toOfficeSlug: string;
  /** the service of the receiving office's published charter */
  serviceCode: string;
  /** why, for the receiving office and the citizen; optional */
  note?: string | undefined;
}

export interface Transferred {
  /** the request here, now closed as transferred */
  from: RequestRow;
  /** the new request in the receiving office */
  to: RequestRow;
}

const clean = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : null;
};

const withNote = (line: string, note: string | null) => (note === null ? line : `${line}\n${note}`);

/** The office a request may be transferred to: another office, with a published charter. */
async function receivingOffice(db: Kysely<DB>, sendingOfficeId: number, slug: string) {
  const office = await findOfficeBySlug(db, slug.trim());
  if (!office || office.published_charter_version_id === null) throw new RequestsError('transfer_office_unavailable', slug, 'office');
  if (office.id === sendingOfficeId) throw new RequestsError('transfer_same_office', slug, 'office');
  return office;
}

async function officeNames(db: Kysely<DB>, officeId: number) {
  const slug = await findOfficeSlug(db, officeId);
  const office = slug === null ? undefined : await findOfficeBySlug(db, slug);
  if (!office) throw new Error(`request of a missing office ${officeId}`);
  return office;
}

/** Transfers a request of this office (open, found by its number) to another office's service. */
export async function transferRequest(
  db: Kysely<DB>,
  actor: Actor,
  officeId: number,
  trackingNumber: string,
  input: TransferInput,
  notices?: RequestNotices,
): Promise<Transferred> {
  const note = clean(input.note);
  const target = await receivingOffice(db, officeId, input.toOfficeSlug);
  return db.transaction().execute(async (trx) => {
    await holdCalendarSteady(trx);
    const request = await findOfficeRequest(trx, officeId, trackingNumber, { forUpdate: true });
    if (!request) throw new RequestsError('request_not_found', trackingNumber);
    if (!canTake('transfer', request.status)) throw new RequestsError('action_not_allowed', `transfer from ${request.status}`, 'action');
    const sending = await officeNames(trx, officeId);
    const now = new Date();
    const given = {
      name: request.citizen_name,
      mobile: request.citizen_mobile ?? undefined,
      email: request.citizen_email ?? undefined,
      address: request.citizen_address ?? undefined,
    };
    const targetName = { bn: target.name_bn, en: target.name_en };
    const received = await receiveOnce(
      trx,
      actor,
      { office: { id: target.id, slug: target.slug }, serviceCode: input.serviceCode.trim(), channel: request.channel, receivedAt: now, citizen: given, details: request.details },
      checkCitizen(given, request.channel),
      notices && { ...notices, officeName: targetName },
      { requestId: request.id, note: withNote(t('bn', 'request_transfer.came_from', { office: sending.name_bn, number: request.tracking_number }), note) },
    );
    await copyAttachments(trx, request.id, received.id);
    await closeClock(trx, requestClock(request), now);
    const closed = await updateRequest(trx, request.id, { status: 'transferred', closed_at: now, transferred_to: received.id });
    const wentTo = withNote(t('bn', 'request_transfer.went_to', { office: target.name_bn, number: received.tracking_number }), note);
    await insertEvent(trx, {
      requestId: request.id,
      at: now,
      action: 'transfer',
      public: true,
      statusAfter: 'transferred',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      note: wentTo,
    });
    if (notices) {
      const context = { ...notices, officeName: targetName, transferredFrom: request.tracking_number };
      for (const message of citizenMessages('transferred', received, null, context)) await notices.notifier.queue(trx, message);
    }
    await recordAudit(trx, {
      actor,
      action: 'request.transfer',
      officeId,
      subject: { type: 'request', id: request.tracking_number },
      before: auditState(request),
      after: { ...auditState(closed), transferred_to: { office: target.slug, tracking_number: received.tracking_number }, ...(note !== null ? { note } : {}) },
    });
    await recordAudit(trx, {
      actor,
      action: 'request.receive_transfer',
      officeId: target.id,
      subject: { type: 'request', id: received.tracking_number },
      before: null,
      after: { ...auditState(received), transferred_from: { office: sending.slug, tracking_number: request.tracking_number } },
    });
    return { from: closed, to: received };
  });
}
