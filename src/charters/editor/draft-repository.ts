// The SQL of the charter editor: an office's draft version and the changes made to its rows.
// Versions are written and published by ../repository.ts; this file only changes a draft.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.ts';
import type { GrsContact, Service } from '../model.ts';
import { listOfficerRows, serviceRow, timeLimitColumns } from '../repository.ts';
import { officerEntry, type OfficerEntry } from './officer-list.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The office's draft: the latest version still in draft (an import without --publish makes one too). */
export async function findDraftVersion(db: Executor, officeId: number) {
  return db
    .selectFrom('charter_versions')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'draft')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateDraftService(trx: Transaction<DB>, versionId: number, code: string, service: Service): Promise<void> {
  const row: Partial<ReturnType<typeof serviceRow>> = serviceRow(versionId, 0, service, code);
  // the row keeps its version, its place in the charter and its code
  delete row.charter_version_id;
  delete row.position;
  delete row.code;
  await trx.updateTable('charter_services').set(row).where('charter_version_id', '=', versionId).where('code', '=', code).execute();
}

/** Adds the service at the end of the draft. */
export async function appendDraftService(trx: Transaction<DB>, versionId: number, code: string, service: Service): Promise<void> {
  const last = await trx
    .selectFrom('charter_services')
    .select(sql<number | null>`max(position)`.as('n'))
    .where('charter_version_id', '=', versionId)
    .executeTakeFirst();
  const position = last?.n === null || last?.n === undefined ? 0 : Number(last.n) + 1;
  await trx.insertInto('charter_services').values(serviceRow(versionId, position, service, code)).execute();
}

// (version, position) is unique and checked row by row: rows are moved out of the way first.
const PARKED = 1_000_000;

export async function deleteDraftService(trx: Transaction<DB>, versionId: number, code: string): Promise<void> {
  const row = await trx
    .deleteFrom('charter_services')
    .where('charter_version_id', '=', versionId)
    .where('code', '=', code)
    .returning('position')
    .executeTakeFirst();
  if (!row) return;
  await trx
    .updateTable('charter_services')
    .set({ position: sql`position + ${PARKED}` })
    .where('charter_version_id', '=', versionId)
    .where('position', '>', row.position)
    .execute();
  await trx
    .updateTable('charter_services')
    .set({ position: sql`position - ${PARKED + 1}` })
    .where('charter_version_id', '=', versionId)
    .where('position', '>=', PARKED)
    .execute();
}

/** Swaps the service with its neighbour above (-1) or below (+1); false when there is none. */
export async function swapDraftService(trx: Transaction<DB>, versionId: number, code: string, direction: -1 | 1): Promise<{ from: number; to: number } | null> {
  const rows = await trx
    .selectFrom('charter_services')
    .select(['code', 'position'])
    .where('charter_version_id', '=', versionId)
    .orderBy('position')
    .execute();
  const index = rows.findIndex((row) => row.code === code);
  const self = rows[index];
  const other = rows[index + direction];
  if (!self || !other) return null;
  const at = (position: number, which: string) =>
    trx.updateTable('charter_services').set({ position }).where('charter_version_id', '=', versionId).where('code', '=', which).execute();
  await at(-1, self.code);
  await at(self.position, other.code);
  await at(other.position, self.code);
  return { from: self.position, to: other.position };
}

export interface DraftCharterFields {
  office_name_bn: string | null;
  office_name_en: string | null;
  office_parent_bn: string | null;
  office_address_bn: string | null;
  office_website: string | null;
  vision_bn: string | null;
  mission_bn: string | null;
}

export async function updateDraftCharter(trx: Transaction<DB>, versionId: number, fields: DraftCharterFields, expectations: string[]): Promise<void> {
  await trx.updateTable('charter_versions').set(fields).where('id', '=', versionId).execute();
  await trx.deleteFrom('charter_expectations').where('charter_version_id', '=', versionId).execute();
  if (expectations.length > 0) {
    await trx
      .insertInto('charter_expectations')
      .values(expectations.map((text, position) => ({ charter_version_id: versionId, position, text_bn: text })))
      .execute();
  }
}

/** A draft is never referred to from outside its own rows, so it can go (an upload replaces it). */
export async function deleteDraftVersion(trx: Transaction<DB>, versionId: number): Promise<void> {
  for (const table of ['charter_services', 'charter_officers', 'charter_grs_contacts', 'charter_expectations'] as const) {
    await trx.deleteFrom(table).where('charter_version_id', '=', versionId).execute();
  }
  await trx.deleteFrom('charter_versions').where('id', '=', versionId).where('status', '=', 'draft').execute();
}

/** The draft's list of officers becomes this one, in this order. */
export async function writeDraftOfficers(trx: Transaction<DB>, versionId: number, officers: readonly OfficerEntry[]): Promise<void> {
  await trx.deleteFrom('charter_officers').where('charter_version_id', '=', versionId).execute();
  if (officers.length === 0) return;
  await trx
    .insertInto('charter_officers')
    .values(officers.map((officer, position) => ({ charter_version_id: versionId, position, ...officerEntry(officer) })))
    .execute();
}

/** A version's list of officers, in order. */
export async function listVersionOfficers(db: Executor, versionId: number): Promise<OfficerEntry[]> {
  return (await listOfficerRows(db, versionId)).map(officerEntry);
}

/** The draft's GRS table becomes this one, in this order (a charter has at most 100 contacts). */
export async function writeDraftGrsContacts(trx: Transaction<DB>, versionId: number, contacts: readonly GrsContact[]): Promise<void> {
  await trx.deleteFrom('charter_grs_contacts').where('charter_version_id', '=', versionId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('charter_grs_contacts')
    .values(
      contacts.map((contact, position) => ({
        charter_version_id: versionId,
        position,
        level: contact.level,
        role_bn: contact.role_bn,
        contact_bn: contact.contact_bn,
        ...timeLimitColumns(contact.time_limit),
      })),
    )
    .execute();
}
