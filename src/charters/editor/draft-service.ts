// The rules of the charter editor. An office has at most one draft; the first change starts it
// as a copy of the published version (same service codes), every change runs in one
// transaction with its audit row, and publishing turns the draft into the published version
// the way the importer publishes, so the public pages change at once.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../core/db/schema.ts';
import { lockOffice, saveOffice } from '../../offices/index.ts';
import { ChartersError } from '../errors.ts';
import { serviceCode, type CharterDocument, type Service } from '../model.ts';
import {
  findPublishedVersion,
  findServiceRowByCode,
  highestServiceCodeNumber,
  insertCharterVersion,
  listVersions,
  listServiceRows,
  loadCharterDocument,
  publishCharterVersion,
  serviceFromRow,
} from '../repository.ts';
import {
  appendDraftService,
  deleteDraftService,
  deleteDraftVersion,
  findDraftVersion,
  listVersionOfficers,
  swapDraftService,
  updateDraftCharter,
  updateDraftService,
  writeDraftOfficers,
  type DraftCharterFields,
} from './draft-repository.ts';
import { CharterEditorError } from './editor-errors.ts';
import { reconcileOfficers, type OfficerEntry } from './officer-list.ts';
import { loadVersionContent, openDraft, requireOffice, type Draft, type Office } from './open-draft.ts';

export interface EditorView {
  office: Office;
  /** the draft, or null when the office has none yet (the page then shows the published version) */
  draft: { id: number; version_no: number; created_at: Date } | null;
  published: { id: number; version_no: number; published_at: Date | null } | null;
  doc: CharterDocument;
  /** the charter's list of officers */
  officers: OfficerEntry[];
  /** what the forms carry, so a save over someone else's change is refused (open-draft.ts) */
  revision: string;
}

/** What the editor shows: the draft, or the published version that the first change will copy. */
export async function loadEditorView(db: Kysely<DB>, slug: string): Promise<EditorView> {
  const office = await requireOffice(db, slug);
  const [draft, published] = await Promise.all([findDraftVersion(db, office.id), findPublishedVersion(db, office.id)]);
  const shown = draft ?? published;
  if (!shown) throw new ChartersError('office_not_found', slug);
  const { doc, officers, revision } = await loadVersionContent(db, shown.id);
  return {
    office,
    draft: draft ? { id: draft.id, version_no: draft.version_no, created_at: draft.created_at } : null,
    published: published ? { id: published.id, version_no: published.version_no, published_at: published.published_at } : null,
    doc,
    officers,
    revision,
  };
}

export async function loadEditorService(db: Kysely<DB>, slug: string, code: string): Promise<{ view: EditorView; service: Service }> {
  const view = await loadEditorView(db, slug);
  const service = view.doc.services.find((candidate) => candidate.code === code);
  if (!service) throw new ChartersError('service_not_found', code);
  return { view, service };
}

export async function draftServices(trx: Transaction<DB>, versionId: number): Promise<Service[]> {
  return (await listServiceRows(trx, versionId)).map(serviceFromRow);
}

async function requireDraftService(trx: Transaction<DB>, draft: Draft, code: string): Promise<Service> {
  const row = await findServiceRowByCode(trx, draft.versionId, code);
  if (!row) throw new ChartersError('service_not_found', code);
  return serviceFromRow(row);
}

/** The list of officers follows a change to the services (officer-list.ts says how). */
async function reconcileDraftOfficers(trx: Transaction<DB>, versionId: number, before: Service[]): Promise<void> {
  const list = await listVersionOfficers(trx, versionId);
  await writeDraftOfficers(trx, versionId, reconcileOfficers(list, before, await draftServices(trx, versionId)));
}

/** `revision` is the one the form was opened at: a change made since refuses the save with `stale_draft`. */
export async function updateService(db: Kysely<DB>, actor: Actor, slug: string, code: string, service: Service, revision?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const services = await draftServices(trx, draft.versionId);
    const before = await requireDraftService(trx, draft, code);
    await updateDraftService(trx, draft.versionId, code, service);
    await reconcileDraftOfficers(trx, draft.versionId, services);
    const after = { ...service, code };
    await recordAudit(trx, { actor, action: 'charter.service.update', officeId: draft.officeId, subject: { type: 'service', id: code }, before, after });
  });
}

/** Adds a service at the end of the draft with the office's next code; returns the code. */
export async function addService(db: Kysely<DB>, actor: Actor, slug: string, service: Service, revision?: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const services = await draftServices(trx, draft.versionId);
    const code = serviceCode((await highestServiceCodeNumber(trx, draft.officeId)) + 1);
    await appendDraftService(trx, draft.versionId, code, service);
    await reconcileDraftOfficers(trx, draft.versionId, services);
    await recordAudit(trx, { actor, action: 'charter.service.add', officeId: draft.officeId, subject: { type: 'service', id: code }, before: null, after: { ...service, code } });
    return code;
  });
}

export async function removeService(db: Kysely<DB>, actor: Actor, slug: string, code: string, revision?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const services = await draftServices(trx, draft.versionId);
    const before = await requireDraftService(trx, draft, code);
    await deleteDraftService(trx, draft.versionId, code);
    await reconcileDraftOfficers(trx, draft.versionId, services);
    await recordAudit(trx, { actor, action: 'charter.service.remove', officeId: draft.officeId, subject: { type: 'service', id: code }, before, after: null });
  });
}

/** Moves the service one place up or down the charter; nothing happens at either end. */
export async function moveService(db: Kysely<DB>, actor: Actor, slug: string, code: string, direction: 'up' | 'down', revision?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    await requireDraftService(trx, draft, code);
    const moved = await swapDraftService(trx, draft.versionId, code, direction === 'up' ? -1 : 1);
    if (!moved) return;
    await recordAudit(trx, {
      actor,
      action: 'charter.service.reorder',
      officeId: draft.officeId,
      subject: { type: 'service', id: code },
      before: { position: moved.from + 1 },
      after: { position: moved.to + 1 },
    });
  });
}

export interface CharterDetails extends DraftCharterFields {
  expectations_bn: string[];
}

export async function updateCharterDetails(db: Kysely<DB>, actor: Actor, slug: string, details: CharterDetails, revision?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await openDraft(trx, actor, slug, revision);
    const doc = await loadCharterDocument(trx, draft.versionId);
    const before = {
      office: doc.office,
      vision_bn: doc.vision_bn,
      mission_bn: doc.mission_bn,
      expectations_bn: doc.expectations_bn,
    };
    const { expectations_bn, ...fields } = details;
    await updateDraftCharter(trx, draft.versionId, fields, expectations_bn);
    await recordAudit(trx, { actor, action: 'charter.office.update', officeId: draft.officeId, subject: { type: 'charter_version', id: draft.versionNo }, before, after: details });
  });
}

/** Refuses with `stale_draft` when the draft (or, without one, the published version) is not at `revision`. */
async function assertRevision(trx: Transaction<DB>, versionId: number | undefined, revision: string | undefined): Promise<void> {
  if (revision === undefined || versionId === undefined) return;
  const current = (await loadVersionContent(trx, versionId)).revision;
  if (current !== revision) throw new CharterEditorError('stale_draft', `${revision} ≠ ${current}`);
}

/**
 * Replaces the draft with an uploaded charter, stored as the importer stores one: services
 * without a code are matched to the published version and keep their codes.
 */
export async function useUploadAsDraft(db: Kysely<DB>, actor: Actor, slug: string, doc: CharterDocument, sourceName: string, sourceText: string, revision?: string) {
  return db.transaction().execute(async (trx) => {
    const office = await requireOffice(trx, slug);
    await lockOffice(trx, office.id);
    const old = await findDraftVersion(trx, office.id);
    await assertRevision(trx, (old ?? (await findPublishedVersion(trx, office.id)))?.id, revision);
    if (old) await deleteDraftVersion(trx, old.id);
    const version = await insertCharterVersion(trx, office.id, doc, { name: sourceName, text: sourceText });
    await recordAudit(trx, {
      actor,
      action: 'charter.upload',
      officeId: office.id,
      subject: { type: 'charter_version', id: version.version_no },
      before: old ? { version_no: old.version_no } : null,
      after: { version_no: version.version_no, services: doc.services.length, warnings: doc.warnings.length, source_name: sourceName },
    });
    return version;
  });
}

/** The draft becomes the published charter (the previous one archived); the office takes the draft's name and address. */
export async function publishDraft(db: Kysely<DB>, actor: Actor, slug: string, revision?: string): Promise<{ versionNo: number }> {
  return db.transaction().execute(async (trx) => {
    const office = await requireOffice(trx, slug);
    await lockOffice(trx, office.id);
    const draft = await findDraftVersion(trx, office.id);
    if (!draft) throw new ChartersError('no_draft', slug);
    // what is published is what the publisher last saw
    await assertRevision(trx, draft.id, revision);
    const previous = await findPublishedVersion(trx, office.id);
    await saveOffice(
      trx,
      {
        slug: office.slug,
        name_bn: draft.office_name_bn ?? office.name_bn,
        name_en: draft.office_name_en,
        address_bn: draft.office_address_bn,
        address_en: null,
        website: draft.office_website,
      },
      null,
      null,
    );
    await publishCharterVersion(trx, draft.id);
    await recordAudit(trx, {
      actor,
      action: 'charter.publish',
      officeId: office.id,
      subject: { type: 'charter_version', id: draft.version_no },
      before: previous ? { version_no: previous.version_no } : null,
      after: { version_no: draft.version_no },
    });
    return { versionNo: draft.version_no };
  });
}

export interface VersionSummary {
  versionNo: number;
  status: 'draft' | 'published' | 'archived';
  createdAt: Date;
  publishedAt: Date | null;
  doc: CharterDocument;
  officers: OfficerEntry[];
}

/** Every version of the office, newest first, each with its document for comparing. */
export async function loadHistory(db: Kysely<DB>, slug: string): Promise<{ office: Office; versions: VersionSummary[] }> {
  const office = await requireOffice(db, slug);
  const rows = await listVersions(db, office.id);
  const versions: VersionSummary[] = [];
  for (const row of rows) {
    const [doc, officers] = await Promise.all([loadCharterDocument(db, row.id), listVersionOfficers(db, row.id)]);
    versions.push({ versionNo: row.version_no, status: row.status, createdAt: row.created_at, publishedAt: row.published_at, doc, officers });
  }
  return { office, versions };
}
