// Stores a canonical charter as a new version of its office's charter, in one transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { ensureLocation, ensureOrganisation, hostLabels, identifyOrganisation, locateOffice, saveOffice } from '../offices/index.ts';
import { ChartersError } from './errors.ts';
import type { CharterDocument, Warning } from './model.ts';
import { insertCharterVersion } from './repository.ts';
import { assertUniqueServiceCodes } from './service-identity.ts';

export interface ImportOptions {
  /** the office's slug; derived from the charter's portal address when absent */
  officeSlug?: string | undefined;
  publish?: boolean;
  sourceName?: string | null;
  sourceText?: string | null;
  /** English names the charter itself does not print */
  nameEn?: string | null;
  addressEn?: string | null;
  /** places and organisations earlier imports of the same run found (a bulk import's) */
  known?: KnownIds;
}

/**
 * The ids of the places and organisations that the imports of one run found or created, so that
 * a bulk import asks the database once per place and organisation instead of once per charter
 * (places and organisations are only ever added). An id is remembered only once the transaction
 * that found it has committed: a refused charter's new place is rolled back with it.
 */
export class KnownIds {
  private readonly ids = new Map<string, number>();

  get(key: string): number | undefined {
    return this.ids.get(key);
  }

  remember(ids: ReadonlyMap<string, number>): void {
    for (const [key, id] of ids) this.ids.set(key, id);
  }
}

export interface ImportResult {
  officeId: number;
  officeSlug: string;
  versionId: number;
  versionNo: number;
  status: 'draft' | 'published';
  /**
   * Which services kept their code though renamed or moved, which are new and which the
   * office no longer offers (service_matched, service_added, service_retired). Not stored in
   * the version's warnings: those are the document's own, and a round trip keeps them as they are.
   */
  identityWarnings: Warning[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * How big a charter may be. A field office lists a few dozen services and the largest real
 * charters a few hundred (a ministry's, all its wings together); a long charter's text is
 * about 100 KB. A bigger file is most likely several offices' charters pasted together, or
 * not a charter at all, and is refused with a message that says to split it.
 */
export const CHARTER_LIMITS = {
  /** the charter file, text or JSON: the editor's upload takes as much */
  bytes: 2 * 1024 * 1024,
  services: 500,
  grsContacts: 100,
  expectations: 1_000,
} as const;

/** Refuses a document beyond CHARTER_LIMITS before anything is parsed further or written. */
export function assertCharterWithinLimits(doc: Pick<CharterDocument, 'services' | 'grs_contacts' | 'expectations_bn'>): void {
  if (doc.services.length > CHARTER_LIMITS.services) {
    throw new ChartersError('too_many_services', `${doc.services.length} services, at most ${CHARTER_LIMITS.services}`);
  }
  if (doc.grs_contacts.length > CHARTER_LIMITS.grsContacts) {
    throw new ChartersError('charter_too_long', `${doc.grs_contacts.length} GRS contacts, at most ${CHARTER_LIMITS.grsContacts}`);
  }
  if (doc.expectations_bn.length > CHARTER_LIMITS.expectations) {
    throw new ChartersError('charter_too_long', `${doc.expectations_bn.length} expectations, at most ${CHARTER_LIMITS.expectations}`);
  }
}

/** doict.jaintiapur.sylhet.gov.bd → doict-jaintiapur-sylhet */
export function officeSlugFromWebsite(website: string | null): string | null {
  const labels = hostLabels(website).filter((label) => /^[a-z0-9-]+$/.test(label));
  const slug = labels.join('-').replace(/-+/g, '-');
  return SLUG.test(slug) ? slug : null;
}

export async function importCharter(db: Kysely<DB>, doc: CharterDocument, options: ImportOptions = {}): Promise<ImportResult> {
  const slug = options.officeSlug ?? officeSlugFromWebsite(doc.office.website);
  if (!slug) throw new ChartersError('office_slug_needed');
  if (!SLUG.test(slug) || slug.length > 80) throw new ChartersError('invalid_office_slug', slug);
  const nameBn = doc.office.name_bn ?? doc.office.name_en;
  if (!nameBn) throw new ChartersError('office_name_missing');
  assertCharterWithinLimits(doc);
  assertUniqueServiceCodes(doc.services);

  const found = new Map<string, number>();
  const idOf = async (key: string, ensure: () => Promise<number>) => {
    const known = options.known?.get(key) ?? found.get(key);
    if (known !== undefined) return known;
    const id = await ensure();
    found.set(key, id);
    return id;
  };
  const result = await db.transaction().execute(async (trx) => {
    const location = locateOffice(doc.office.address_bn, doc.office.website);
    const placeId = location
      ? await idOf(location.upazila ? `upazila:${location.upazila.slug}` : `district:${location.district.slug}`, () => ensureLocation(trx, location))
      : null;
    const organisation = identifyOrganisation(doc.office.parent_bn, hostLabels(doc.office.website));
    const organisationId = organisation ? await idOf(`organisation:${organisation.slug}`, () => ensureOrganisation(trx, organisation)) : null;
    const officeId = await saveOffice(
      trx,
      {
        slug,
        name_bn: nameBn,
        name_en: options.nameEn ?? doc.office.name_en,
        address_bn: doc.office.address_bn,
        address_en: options.addressEn ?? null,
        website: doc.office.website,
      },
      placeId,
      organisationId,
    );
    const version = await insertCharterVersion(
      trx,
      officeId,
      doc,
      { name: options.sourceName ?? null, text: options.sourceText ?? null },
      { publish: options.publish },
    );
    return {
      officeId,
      officeSlug: slug,
      versionId: version.id,
      versionNo: version.version_no,
      status: options.publish ? ('published' as const) : ('draft' as const),
      identityWarnings: version.identityWarnings,
    };
  });
  options.known?.remember(found);
  return result;
}
