// The rules of the charter editor. An office has at most one draft; the first change starts it
// as a copy of the published version (same service codes), every change runs in one
// transaction with its audit row, and publishing turns the draft into the published version
// the way the importer publishes, so the public pages change at once.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../core/db/schema.ts';
import { findOfficeBySlug, lockOffice, saveOffice } from '../../offices/index.ts';
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
  replaceVersionOfficers,
  serviceFromRow,
} from '../repository.ts';
import {
  appendDraftService,
  deleteDraftService,
  deleteDraftVersion,
  findDraftVersion,
  swapDraftService,
  updateDraftCharter,
  updateDraftService,
  type DraftCharterFields,
} from './draft-repository.ts';

type Office = NonNullable<Awaited<ReturnType<typeof findOfficeBySlug>>>;

async function requireOffice(db: Kysely<DB> | Transaction<DB>, slug: string): Promise<Office> {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new ChartersError('office_not_found', slug);
  return office;
}

export interface EditorView {
  office: Office;
  /** the draft, or null when the office has none yet (the page then shows the published version) */
  draft: { id: number; version_no: number; created_at: Date } | null;
  published: { id: number; version_no: number; published_at: Date | null } | null;
  doc: CharterDocument;
}

/** What the editor shows: the draft, or the published version that the first change will copy. */
export async function loadEditorView(db: Kysely<DB>, slug: string): Promise<EditorView> {
  const office = await requireOffice(db, slug);
  const [draft, published] = await Promise.all([findDraftVersion(db, office.id), findPublishedVersion(db, office.id)]);
  const shown = draft ?? published;
  if (!shown) throw new ChartersError('office_not_found', slug);
  return {
    office,
    draft: draft ? { id: draft.id, version_no: draft.version_no, created_at: draft.created_at } : null,
    published: published ? { id: published.id, version_no: published.version_no, published_at: published.published_at } : null,
    doc: await loadCharterDocument(db, shown.id),
  };
}

export async function loadEditorService(db: Kysely<DB>, slug: string, code: string): Promise<{ view: EditorView; service: Service }> {
  const view = await loadEditorView(db, slug);
  const service = view.doc.services.find((candidate) => candidate.code === code);
  if (!service) throw new ChartersError('service_not_found', code);
  return { view, service };
}

interface Draft {
  officeId: number;
  versionId: number;
  versionNo: number;
}

/** The office's draft, locked for this transaction; started as a copy of the published version when there is none. */
async function ensureDraft(trx: Transaction<DB>, actor: Actor, slug: string): Promise<Draft> {
  const office = await requireOffice(trx, slug);
  await lockOffice(trx, office.id);
  const draft = await findDraftVersion(trx, office.id);
  if (draft) return { officeId: office.id, versionId: draft.id, versionNo: draft.version_no };
  const published = await findPublishedVersion(trx, office.id);
  if (!published) throw new ChartersError('office_not_found', slug);
  // the copy carries every code, which the importer keeps as given
  const doc = await loadCharterDocument(trx, published.id);
  const copy = await insertCharterVersion(trx, office.id, doc, { name: `version ${published.version_no}`, text: null });
  await recordAudit(trx, {
    actor,
    action: 'charter.draft.create',
    officeId: office.id,
    subject: { type: 'charter_version', id: copy.version_no },
    before: null,
    after: { version_no: copy.version_no, copied_from: published.version_no },
  });
  return { officeId: office.id, versionId: copy.id, versionNo: copy.version_no };
}

async function draftServices(trx: Transaction<DB>, versionId: number): Promise<Service[]> {
  return (await listServiceRows(trx, versionId)).map(serviceFromRow);
}

async function requireDraftService(trx: Transaction<DB>, draft: Draft, code: string): Promise<Service> {
  const row = await findServiceRowByCode(trx, draft.versionId, code);
  if (!row) throw new ChartersError('service_not_found', code);
  return serviceFromRow(row);
}

export async function updateService(db: Kysely<DB>, actor: Actor, slug: string, code: string, service: Service): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await ensureDraft(trx, actor, slug);
    const before = await requireDraftService(trx, draft, code);
    await updateDraftService(trx, draft.versionId, code, service);
    await replaceVersionOfficers(trx, draft.versionId, await draftServices(trx, draft.versionId));
    const after = { ...service, code };
    await recordAudit(trx, { actor, action: 'charter.service.update', officeId: draft.officeId, subject: { type: 'service', id: code }, before, after });
  });
}

/** Adds a service at the end of the draft with the office's next code; returns the code. */
export async function addService(db: Kysely<DB>, actor: Actor, slug: string, service: Service): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const draft = await ensureDraft(trx, actor, slug);
    const code = serviceCode((await highestServiceCodeNumber(trx, draft.officeId)) + 1);
    await appendDraftService(trx, draft.versionId, code, service);
    await replaceVersionOfficers(trx, draft.versionId, await draftServices(trx, draft.versionId));
    await recordAudit(trx, { actor, action: 'charter.service.add', officeId: draft.officeId, subject: { type: 'service', id: code }, before: null, after: { ...service, code } });
    return code;
  });
}

export async function removeService(db: Kysely<DB>, actor: Actor, slug: string, code: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await ensureDraft(trx, actor, slug);
    const before = await requireDraftService(trx, draft, code);
    await deleteDraftService(trx, draft.versionId, code);
    await replaceVersionOfficers(trx, draft.versionId, await draftServices(trx, draft.versionId));
    await recordAudit(trx, { actor, action: 'charter.service.remove', officeId: draft.officeId, subject: { type: 'service', id: code }, before, after: null });
  });
}

/** Moves the service one place up or down the charter; nothing happens at either end. */
export async function moveService(db: Kysely<DB>, actor: Actor, slug: string, code: string, direction: 'up' | 'down'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await ensureDraft(trx, actor, slug);
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

export async function updateCharterDetails(db: Kysely<DB>, actor: Actor, slug: string, details: CharterDetails): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await ensureDraft(trx, actor, slug);
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

/**
 * Replaces the draft with an uploaded charter, stored as the importer stores one: services
 * without a code are matched to the published version and keep their codes.
 */
export async function useUploadAsDraft(db: Kysely<DB>, actor: Actor, slug: string, doc: CharterDocument, sourceName: string, sourceText: string) {
  return db.transaction().execute(async (trx) => {
    const office = await requireOffice(trx, slug);
    await lockOffice(trx, office.id);
    const old = await findDraftVersion(trx, office.id);
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
export async function publishDraft(db: Kysely<DB>, actor: Actor, slug: string): Promise<{ versionNo: number }> {
  return db.transaction().execute(async (trx) => {
    const office = await requireOffice(trx, slug);
    await lockOffice(trx, office.id);
    const draft = await findDraftVersion(trx, office.id);
    if (!draft) throw new ChartersError('no_draft', slug);
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
}

/** Every version of the office, newest first, each with its document for comparing. */
export async function loadHistory(db: Kysely<DB>, slug: string): Promise<{ office: Office; versions: VersionSummary[] }> {
  const office = await requireOffice(db, slug);
  const rows = await listVersions(db, office.id);
  const versions: VersionSummary[] = [];
  for (const row of rows) {
    versions.push({ versionNo: row.version_no, status: row.status, createdAt: row.created_at, publishedAt: row.published_at, doc: await loadCharterDocument(db, row.id) });
  }
  return { office, versions };
}
