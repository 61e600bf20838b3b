// Who handles a request: only someone who works in its office (the list accounts gives), or nobody.
import type { Kysely } from 'kysely';
import type { OfficeStaffMember, UserName } from '../accounts/index.ts';
import type { Lang } from '../core/i18n/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { RequestsError } from './errors.ts';
import type { RequestRow } from './repository.ts';
import { actOnRequest } from './request-service.ts';

/**
 * Assigns the request to one of the office's staff (null: to nobody). Anyone not on the list —
 * a user of another office, a disabled account — is refused, naming the `assignee` field.
 */
export async function assignRequest(
  db: Kysely<DB>,
  actor: Actor,
  officeId: number,
  trackingNumber: string,
  assigneeId: number | null,
  officeStaff: readonly Pick<OfficeStaffMember, 'id'>[],
): Promise<RequestRow> {
  if (assigneeId !== null && !officeStaff.some((member) => member.id === assigneeId)) {
    throw new RequestsError('assignee_not_in_office', String(assigneeId), 'assignee');
  }
  return actOnRequest(db, actor, officeId, trackingNumber, { action: 'assign', assigneeId });
}

/** The name a person reads: the English one on English pages when there is one. */
export function displayName(lang: Lang, user: Pick<UserName, 'name_bn' | 'name_en'>): string {
  return lang === 'en' ? (user.name_en ?? user.name_bn) : user.name_bn;
}
