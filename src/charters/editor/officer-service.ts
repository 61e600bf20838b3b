// The rules of the officers page: the charter's list of officers in the draft. An officer
// changed here changes in every service that names it; one that services still name cannot be
// removed (the page says which services). Each change runs in one transaction with its audit row.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../core/db/schema.ts';
import { draftServices } from './draft-service.ts';
import { listVersionOfficers, updateDraftService, writeDraftOfficers } from './draft-repository.ts';
import { CharterEditorError, OfficerDuplicateError, OfficerInUseError } from './editor-errors.ts';
import { indexOfOfficer, officerEntry, servicesNaming, type OfficerEntry } from './officer-list.ts';
import { openDraft } from './open-draft.ts';

/** Adds the officer at the end of the list; returns its number on the list (from 1). */
export async function addOfficer(db: Kysely<DB>, actor: Actor, slug: string, officer: OfficerEntry, revision?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const list = await listVersionOfficers(trx, draft.versionId);
    const known = indexOfOfficer(list, officer);
    if (known >= 0) throw new OfficerDuplicateError(known + 1);
    await writeDraftOfficers(trx, draft.versionId, [...list, officerEntry(officer)]);
    const number = list.length + 1;
    await recordAudit(trx, { actor, action: 'charter.officer.add', officeId: draft.officeId, subject: { type: 'officer', id: number }, before: null, after: officerEntry(officer) });
    return number;
  });
}

/** Changes officer `number` (from 1) on the list and in every service that names it; returns those services' codes. */
export async function updateOfficer(db: Kysely<DB>, actor: Actor, slug: string, number: number, officer: OfficerEntry, revision?: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const list = await listVersionOfficers(trx, draft.versionId);
    const before = list[number - 1];
    if (!before) throw new CharterEditorError('officer_not_found', String(number));
    const known = indexOfOfficer(list, officer, number - 1);
    if (known >= 0) throw new OfficerDuplicateError(known + 1);
    const changed = servicesNaming(before, await draftServices(trx, draft.versionId));
    for (const service of changed) {
      // an officer filled in from elsewhere in the charter stays marked so
      await updateDraftService(trx, draft.versionId, service.code ?? '', { ...service, officer: { ...officerEntry(officer), inferred: service.officer?.inferred ?? false } });
    }
    await writeDraftOfficers(trx, draft.versionId, list.map((entry, index) => (index === number - 1 ? officerEntry(officer) : entry)));
    const codes = changed.map((service) => service.code ?? '');
    await recordAudit(trx, {
      actor,
      action: 'charter.officer.update',
      officeId: draft.officeId,
      subject: { type: 'officer', id: number },
      before,
      after: { ...officerEntry(officer), services: codes },
    });
    return codes;
  });
}

/** Removes officer `number` (from 1) from the list; refused while any service names it. */
export async function removeOfficer(db: Kysely<DB>, actor: Actor, slug: string, number: number, revision?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const list = await listVersionOfficers(trx, draft.versionId);
    const before = list[number - 1];
    if (!before) throw new CharterEditorError('officer_not_found', String(number));
    const naming = servicesNaming(before, await draftServices(trx, draft.versionId));
    if (naming.length > 0) throw new OfficerInUseError(naming.map((service) => ({ code: service.code ?? '', name_bn: service.name_bn })));
    await writeDraftOfficers(trx, draft.versionId, list.filter((_, index) => index !== number - 1));
    await recordAudit(trx, { actor, action: 'charter.officer.remove', officeId: draft.officeId, subject: { type: 'officer', id: number }, before, after: null });
  });
}
