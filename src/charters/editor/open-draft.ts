// Opening the office's draft for a change: the office locked for the transaction, the draft
// checked against the revision the form was opened at (so nobody's change is overwritten
// unseen), and started as a copy of the published version when there is none yet.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../core/db/schema.ts';
import { findOfficeBySlug, lockOffice } from '../../offices/index.ts';
import { ChartersError } from '../errors.ts';
import type { CharterDocument } from '../model.ts';
import { findPublishedVersion, insertCharterVersion, loadCharterDocument } from '../repository.ts';
import { findDraftVersion, listVersionOfficers, writeDraftOfficers } from './draft-repository.ts';
import { CharterEditorError } from './editor-errors.ts';
import type { OfficerEntry } from './officer-list.ts';

export type Office = NonNullable<Awaited<ReturnType<typeof findOfficeBySlug>>>;

export async function requireOffice(db: Kysely<DB> | Transaction<DB>, slug: string): Promise<Office> {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new ChartersError('office_not_found', slug);
  return office;
}

/**
 * What the editor's forms carry to say which state of the draft they were filled in from: a
 * digest of everything the editor changes. A copy of the published version has the revision of
 * the version it copies, so starting the draft does not make open forms stale.
 */
export function draftRevision(doc: CharterDocument, officers: readonly OfficerEntry[]): string {
  return createHash('sha256').update(JSON.stringify({ doc, officers })).digest('hex').slice(0, 24);
}

export interface VersionContent {
  doc: CharterDocument;
  officers: OfficerEntry[];
  revision: string;
}

export async function loadVersionContent(db: Kysely<DB> | Transaction<DB>, versionId: number): Promise<VersionContent> {
  const [doc, officers] = await Promise.all([loadCharterDocument(db, versionId), listVersionOfficers(db, versionId)]);
  return { doc, officers, revision: draftRevision(doc, officers) };
}

export interface Draft {
  officeId: number;
  versionId: number;
  versionNo: number;
}

/**
 * The office's draft, locked for this transaction; started as a copy of the published version
 * when there is none. With `revision` (from the form), refuses with `stale_draft` when the draft
 * has changed since the form was opened.
 */
export async function openDraft(trx: Transaction<DB>, actor: Actor, slug: string, revision?: string): Promise<Draft> {
  const office = await requireOffice(trx, slug);
  await lockOffice(trx, office.id);
  const draft = await findDraftVersion(trx, office.id);
  const published = draft ? undefined : await findPublishedVersion(trx, office.id);
  const shown = draft ?? published;
  if (!shown) throw new ChartersError('office_not_found', slug);
  const content = revision !== undefined || !draft ? await loadVersionContent(trx, shown.id) : null;
  if (revision !== undefined && content && content.revision !== revision) throw new CharterEditorError('stale_draft', `${revision} ≠ ${content.revision}`);
  if (draft) return { officeId: office.id, versionId: draft.id, versionNo: draft.version_no };
  if (!content) throw new ChartersError('office_not_found', slug);
  // the copy carries every code, which the importer keeps as given, and the published list of
  // officers, which may name officers no service names
  const copy = await insertCharterVersion(trx, office.id, content.doc, { name: `version ${shown.version_no}`, text: null });
  await writeDraftOfficers(trx, copy.id, content.officers);
  await recordAudit(trx, {
    actor,
    action: 'charter.draft.create',
    officeId: office.id,
    subject: { type: 'charter_version', id: copy.version_no },
    before: null,
    after: { version_no: copy.version_no, copied_from: shown.version_no },
  });
  return { officeId: office.id, versionId: copy.id, versionNo: copy.version_no };
}
