// The office directory as a drill-down: what each page shows, read with a handful of small
// queries whatever the number of offices (grouped counts, a few hundred places, one page of offices).
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Lang } from '../core/i18n/index.ts';
import {
  allOrganisations,
  childPlacesWithCounts,
  findPlace,
  findPlaceById,
  listOfficesPage,
  OFFICES_PER_PAGE,
  publishedCountAt,
  publishedCountsByOrganisation,
  type OrganisationRow,
  type PlaceRow,
  type PlaceWithCount,
} from './directory-repository.ts';
import { ancestry, rollUpCounts } from './directory-tree.ts';
import { OfficesError } from './errors.ts';
import { allDivisions, findDistrict, findDivision, type District, type Division } from './geography.ts';
import { byLabel, pageCount, pageHref, placeName, type CountedLink, type OfficePage } from './pages/directory-parts.ts';

/** The address that lists the offices whose place (or organisation) is not recorded. */
export const UNRECORDED = 'unrecorded';

const placeHref = (kind: 'divisions' | 'districts' | 'upazilas', slug: string) => `/${kind}/${encodeURIComponent(slug)}`;
export const divisionHref = (slug: string) => placeHref('divisions', slug);
export const districtHref = (slug: string) => placeHref('districts', slug);
export const upazilaHref = (slug: string) => placeHref('upazilas', slug);
export const organisationHref = (slug: string) => `/organisations/${encodeURIComponent(slug)}`;

async function officePage(
  db: Kysely<DB>,
  where: { placeId: number | null } | { organisationId: number | null },
  total: number,
  page: number,
  path: string,
): Promise<OfficePage> {
  const pages = pageCount(total, OFFICES_PER_PAGE);
  // a page past the end shows nothing rather than asking the database
  const offices = total > 0 && page <= pages ? await listOfficesPage(db, where, page) : [];
  return { offices, total, page, pages, hrefOfPage: (n) => pageHref(path, {}, n) };
}

export interface HomeView {
  divisions: CountedLink[];
  unplaced: number;
}

/** The children of a place as links, by slug: those the file of districts knows, with 0 where none is stored yet. */
function countsBySlug(places: PlaceWithCount[]): Map<string, number> {
  return new Map(places.map((place) => [place.slug, place.count]));
}

export async function loadHome(db: Kysely<DB>, lang: Lang): Promise<HomeView> {
  const [stored, unplaced] = await Promise.all([childPlacesWithCounts(db, null), publishedCountAt(db, null)]);
  const counts = countsBySlug(stored);
  const divisions = allDivisions().map((division) => ({ label: placeName(lang, division), href: divisionHref(division.slug), count: counts.get(division.slug) ?? 0 }));
  return { divisions: byLabel(lang, divisions), unplaced };
}

export interface DivisionView {
  division: Division;
  districts: CountedLink[];
}

export async function loadDivision(db: Kysely<DB>, lang: Lang, slug: string): Promise<DivisionView> {
  const division = findDivision(slug);
  if (!division) throw new OfficesError('place_not_found', slug, 'division');
  const row = await findPlace(db, 'division', division.slug);
  const counts = countsBySlug(row ? (await childPlacesWithCounts(db, row.id)).filter((place) => place.kind === 'district') : []);
  const districts = division.districts.map((district) => ({ label: placeName(lang, district), href: districtHref(district.slug), count: counts.get(district.slug) ?? 0 }));
  return { division, districts: byLabel(lang, districts) };
}

export interface DistrictView {
  district: District;
  upazilas: CountedLink[];
  offices: OfficePage;
}

export async function loadDistrict(db: Kysely<DB>, lang: Lang, slug: string, page: number): Promise<DistrictView> {
  const district = findDistrict(slug);
  if (!district) throw new OfficesError('place_not_found', slug, 'district');
  const row = await findPlace(db, 'district', district.slug);
  if (!row) return { district, upazilas: [], offices: await officePage(db, { placeId: null }, 0, page, districtHref(district.slug)) };
  const [children, total] = await Promise.all([childPlacesWithCounts(db, row.id), publishedCountAt(db, row.id)]);
  const upazilas = children
    .filter((place) => place.kind === 'upazila' && place.count > 0)
    .map((place) => ({ label: placeName(lang, place), href: upazilaHref(place.slug), count: place.count }));
  const offices = await officePage(db, { placeId: row.id }, total, page, districtHref(district.slug));
  return { district, upazilas: byLabel(lang, upazilas), offices };
}

export interface UpazilaView {
  district: District;
  upazila: PlaceRow;
  offices: OfficePage;
}

export async function loadUpazila(db: Kysely<DB>, slug: string, page: number): Promise<UpazilaView> {
  const upazila = await findPlace(db, 'upazila', slug);
  const parent = upazila?.parent_id ? await findPlaceById(db, upazila.parent_id) : undefined;
  const district = parent?.kind === 'district' ? findDistrict(parent.slug) : undefined;
  if (!upazila || !district) throw new OfficesError('place_not_found', slug, 'upazila');
  const offices = await officePage(db, { placeId: upazila.id }, await publishedCountAt(db, upazila.id), page, upazilaHref(upazila.slug));
  return { district, upazila, offices };
}

export async function loadUnplaced(db: Kysely<DB>, page: number): Promise<OfficePage> {
  return officePage(db, { placeId: null }, await publishedCountAt(db, null), page, divisionHref(UNRECORDED));
}

interface OrganisationTree {
  organisations: OrganisationRow[];
  direct: Map<number | null, number>;
  totals: Map<number, number>;
}

async function loadOrganisationTree(db: Kysely<DB>): Promise<OrganisationTree> {
  const [organisations, direct] = await Promise.all([allOrganisations(db), publishedCountsByOrganisation(db)]);
  return { organisations, direct, totals: rollUpCounts(organisations, direct) };
}

function organisationLinks(lang: Lang, tree: OrganisationTree, parentId: number | null): CountedLink[] {
  return byLabel(
    lang,
    tree.organisations
      .filter((org) => org.parent_id === parentId && (tree.totals.get(org.id) ?? 0) > 0)
      .map((org) => ({ label: placeName(lang, org), href: organisationHref(org.slug), count: tree.totals.get(org.id) ?? 0 })),
  );
}

export interface OrganisationsView {
  top: CountedLink[];
  unaffiliated: number;
}

export async function loadOrganisations(db: Kysely<DB>, lang: Lang): Promise<OrganisationsView> {
  const tree = await loadOrganisationTree(db);
  return { top: organisationLinks(lang, tree, null), unaffiliated: tree.direct.get(null) ?? 0 };
}

export interface OrganisationView {
  /** from the ministry down to this organisation */
  chain: OrganisationRow[];
  units: CountedLink[];
  offices: OfficePage;
}

export async function loadOrganisation(db: Kysely<DB>, lang: Lang, slug: string, page: number): Promise<OrganisationView> {
  const tree = await loadOrganisationTree(db);
  if (slug === UNRECORDED) {
    const offices = await officePage(db, { organisationId: null }, tree.direct.get(null) ?? 0, page, organisationHref(UNRECORDED));
    return { chain: [], units: [], offices };
  }
  const organisation = tree.organisations.find((org) => org.slug === slug);
  if (!organisation) throw new OfficesError('organisation_not_found', slug, 'organisation');
  const offices = await officePage(db, { organisationId: organisation.id }, tree.direct.get(organisation.id) ?? 0, page, organisationHref(slug));
  return { chain: ancestry(tree.organisations, organisation), units: organisationLinks(lang, tree, organisation.id), offices };
}
