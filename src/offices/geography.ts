// Divisions and districts of Bangladesh (data/geo/districts.json), and reading an office's
// upazila and district from its charter address or its portal address.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_ROOT } from '../core/paths.ts';
import { isOrganisationHostLabel } from './organisations.ts';

const districtsFile = z.object({
  divisions: z.array(
    z.object({
      slug: z.string(),
      name_bn: z.string(),
      name_en: z.string(),
      districts: z.array(z.object({ slug: z.string(), name_bn: z.string(), name_en: z.string(), aliases: z.array(z.string()) })),
    }),
  ),
});

export interface District {
  slug: string;
  name_bn: string;
  name_en: string;
  aliases: string[];
  division: { slug: string; name_bn: string; name_en: string };
}

export interface Division {
  slug: string;
  name_bn: string;
  name_en: string;
  districts: District[];
}

export interface OfficeLocation {
  district: District;
  upazila: { slug: string; name_bn: string | null; name_en: string | null } | null;
}

let divisions: Division[] | undefined;
let districts: District[] | undefined;

/** The eight divisions, each with its districts, in the file's (alphabetical) order. */
export function allDivisions(): Division[] {
  divisions ??= districtsFile
    .parse(JSON.parse(readFileSync(path.join(DATA_ROOT, 'geo/districts.json'), 'utf8')))
    .divisions.map(({ districts: list, ...division }) => ({ ...division, districts: list.map((district) => ({ ...district, division })) }));
  return divisions;
}

export function allDistricts(): District[] {
  districts ??= allDivisions().flatMap((division) => division.districts);
  return districts;
}

export function findDivision(slug: string): Division | undefined {
  return allDivisions().find((division) => division.slug === slug);
}

export function findDistrict(slug: string): District | undefined {
  return allDistricts().find((district) => district.slug === slug);
}

function byHostPart(part: string): District | undefined {
  return allDistricts().find((d) => d.slug === part || d.aliases.includes(part));
}

function byBanglaName(name: string): District | undefined {
  const wanted = name.normalize('NFC').trim();
  return allDistricts().find((d) => d.name_bn === wanted);
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
// "উপজেলা: কালিয়াকৈর", "গাজীপুর জেলা": the place without its label
const PLACE_LABEL = /^(?:জেলা|উপজেলা|থানা)\s*(?::|ঃ|-)?\s*|\s+(?:জেলা|উপজেলা)$/g;
const UPAZILA_LABEL = /^(?:উপজেলা|থানা)\s*(?::|ঃ|-)?\s*|\s+উপজেলা$/;
// an address line that names a building, a road or an office, not an upazila
const NOT_A_PLACE = new RegExp(
  [...['কার্যালয়', 'অফিস', 'ভবন', 'সড়ক', 'রোড', 'তলা', 'চত্বর', 'কমপ্লেক্স', 'বাড়ি', 'বাসা'].map((word) => word.normalize('NFC')), '[0-9০-৯]'].join('|'),
);

interface AddressPart {
  name: string;
  labelledUpazila: boolean;
}

function addressParts(addressBn: string | null): AddressPart[] {
  return (addressBn ?? '')
    .split(/[,،]/)
    .map((part) => part.normalize('NFC').trim())
    .filter(Boolean)
    .map((part) => ({ name: part.replace(PLACE_LABEL, '').trim(), labelledUpazila: UPAZILA_LABEL.test(part) }))
    .filter((part) => part.name !== '');
}

/**
 * The upazila a portal host names: doict.jaintiapur.sylhet.gov.bd (office of a department in an
 * upazila) and jaintiapur.sylhet.gov.bd (the upazila's own portal) name Jaintiapur;
 * dghs.sylhet.gov.bd (a department's district office) names none.
 */
function upazilaLabel(hostParts: string[], districtIndex: number): string | undefined {
  if (districtIndex >= 2) return hostParts[districtIndex - 1];
  const label = hostParts[0];
  if (districtIndex === 1 && label !== undefined && !isOrganisationHostLabel(label)) return label;
  return undefined;
}

/**
 * "জেন্টাপুর, সিলেট" and doict.jaintiapur.sylhet.gov.bd both say: upazila Jaintiapur of
 * district Sylhet. The address gives the Bangla names, the portal host the English ones. An
 * office that names no upazila is a district office.
 */
export function locateOffice(addressBn: string | null, website: string | null): OfficeLocation | null {
  const parts = addressParts(addressBn);
  const hostParts = hostLabels(website);

  const fromAddress = parts.length > 0 ? byBanglaName(parts[parts.length - 1]?.name ?? '') : undefined;
  const hostIndex = hostParts.findIndex((part) => byHostPart(part) !== undefined);
  const fromHost = hostIndex === -1 ? undefined : byHostPart(hostParts[hostIndex] ?? '');
  const district = fromAddress ?? fromHost;
  if (!district) return null;

  const hostAgrees = fromHost === district;
  const upazilaHost = hostAgrees ? upazilaLabel(hostParts, hostIndex) : undefined;
  const candidate = parts.length > 1 ? parts[parts.length - 2] : undefined;
  // the address's line before the district is its upazila, unless it names a building or an
  // office, or the portal host says the office is a district office
  const addressNamesUpazila =
    candidate !== undefined && (candidate.labelledUpazila || (!NOT_A_PLACE.test(candidate.name) && (!hostAgrees || upazilaHost !== undefined)));
  const upazilaBn = addressNamesUpazila ? candidate.name : null;
  if (!upazilaBn && !upazilaHost) return { district, upazila: null };
  const upazilaEn = upazilaHost ? (upazilaHost === 'sadar' ? `${district.name_en} Sadar` : titleCase(upazilaHost)) : null;
  const upazilaKey = upazilaHost ?? String(Math.abs(hashCode(upazilaBn ?? '')));
  return { district, upazila: { slug: `${district.slug}-${upazilaKey}`, name_bn: upazilaBn, name_en: upazilaEn } };
}

export function hostLabels(website: string | null): string[] {
  if (!website) return [];
  try {
    const host = new URL(website).hostname.toLowerCase();
    return host.replace(/^www\./, '').replace(/\.gov\.bd$/, '').split('.');
  } catch {
    return [];
  }
}

function hashCode(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash;
}
