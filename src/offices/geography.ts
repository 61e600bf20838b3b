// Divisions and districts of Bangladesh (data/geo/districts.json), and reading an office's
// upazila and district from its charter address or its portal address.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_ROOT } from '../core/paths.ts';

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

export interface OfficeLocation {
  district: District;
  upazila: { slug: string; name_bn: string | null; name_en: string | null } | null;
}

let districts: District[] | undefined;

export function allDistricts(): District[] {
  districts ??= districtsFile
    .parse(JSON.parse(readFileSync(path.join(DATA_ROOT, 'geo/districts.json'), 'utf8')))
    .divisions.flatMap(({ districts: list, ...division }) => list.map((district) => ({ ...district, division })));
  return districts;
}

function byHostPart(part: string): District | undefined {
  return allDistricts().find((d) => d.slug === part || d.aliases.includes(part));
}

function byBanglaName(name: string): District | undefined {
  const wanted = name.normalize('NFC').trim();
  return allDistricts().find((d) => d.name_bn === wanted);
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * "জেন্টাপুর, সিলেট" and doict.jaintiapur.sylhet.gov.bd both say: upazila Jaintiapur of
 * district Sylhet. The address gives the Bangla names, the portal host the English ones.
 */
// "উপজেলা: কালিয়াকৈর", "গাজীপুর জেলা": the place without its label
const PLACE_LABEL = /^(?:জেলা|উপজেলা|থানা)\s*(?::|ঃ|-)?\s*|\s+(?:জেলা|উপজেলা)$/g;

export function locateOffice(addressBn: string | null, website: string | null): OfficeLocation | null {
  const addressParts = (addressBn ?? '')
    .split(/[,،]/)
    .map((part) => part.normalize('NFC').trim().replace(PLACE_LABEL, '').trim())
    .filter(Boolean);
  const hostParts = hostLabels(website);

  const fromAddress = addressParts.length > 0 ? byBanglaName(addressParts[addressParts.length - 1] ?? '') : undefined;
  const hostIndex = hostParts.findIndex((part) => byHostPart(part) !== undefined);
  const fromHost = hostIndex === -1 ? undefined : byHostPart(hostParts[hostIndex] ?? '');
  const district = fromAddress ?? fromHost;
  if (!district) return null;

  const upazilaBn = addressParts.length > 1 ? (addressParts[addressParts.length - 2] ?? null) : null;
  const upazilaHost = hostIndex > 0 && fromHost === district ? hostParts[hostIndex - 1] : undefined;
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
