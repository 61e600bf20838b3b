// The rules of the GRS contacts page: the steps of the draft's grievance redress table, kept in
// the order of their level (a step added at level 2 goes after the other level-2 steps). Each
// change runs in one transaction with its audit row.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../core/db/schema.ts';
import type { GrsContact } from '../model.ts';
import { loadCharterDocument } from '../repository.ts';
import { writeDraftGrsContacts } from './draft-repository.ts';
import { CharterEditorError } from './editor-errors.ts';
import { openDraft } from './open-draft.ts';

/** The table in the order of its levels; steps of one level keep their order. */
function byLevel(contacts: readonly GrsContact[]): GrsContact[] {
  return contacts
    .map((contact, index) => ({ contact, index }))
    .sort((a, b) => a.contact.level - b.contact.level || a.index - b.index)
    .map((entry) => entry.contact);
}

type Change = { kind: 'add'; contact: GrsContact } | { kind: 'update'; number: number; contact: GrsContact } | { kind: 'remove'; number: number };

async function changeGrsContacts(db: Kysely<DB>, actor: Actor, slug: string, change: Change, revision: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const contacts = (await loadCharterDocument(trx, draft.versionId)).grs_contacts;
    const before = change.kind === 'add' ? null : contacts[change.number - 1];
    if (before === undefined) throw new CharterEditorError('grs_contact_not_found', change.kind === 'add' ? '' : String(change.number));
    const next =
      change.kind === 'add'
        ? [...contacts, change.contact]
        : change.kind === 'update'
          ? contacts.map((contact, index) => (index === change.number - 1 ? change.contact : contact))
          : contacts.filter((_, index) => index !== change.number - 1);
    await writeDraftGrsContacts(trx, draft.versionId, byLevel(next));
    await recordAudit(trx, {
      actor,
      action: `charter.grs.${change.kind}`,
      officeId: draft.officeId,
      subject: { type: 'grs_contact', id: change.kind === 'add' ? next.length : change.number },
      before,
      after: change.kind === 'remove' ? null : change.contact,
    });
  });
}

export async function addGrsContact(db: Kysely<DB>, actor: Actor, slug: string, contact: GrsContact, revision?: string): Promise<void> {
  await changeGrsContacts(db, actor, slug, { kind: 'add', contact }, revision);
}

/** Changes step `number` (from 1) of the table. */
export async function updateGrsContact(db: Kysely<DB>, actor: Actor, slug: string, number: number, contact: GrsContact, revision?: string): Promise<void> {
  await changeGrsContacts(db, actor, slug, { kind: 'update', number, contact }, revision);
}

export async function removeGrsContact(db: Kysely<DB>, actor: Actor, slug: string, number: number, revision?: string): Promise<void> {
  await changeGrsContacts(db, actor, slug, { kind: 'remove', number }, revision);
}
