// What the requests' staff routes read from their address: the office, and the request's tracking
// number as typed. Each is refused as not found when it names nothing, so a number of the wrong
// shape answers like a number that was never given.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Lang } from '../core/i18n/index.ts';
import type { AccessTarget } from '../http/access.ts';
import { findOfficeBySlug, officeName, OfficesError } from '../offices/index.ts';
import { RequestsError } from './errors.ts';
import { parseTrackingNumber } from './tracking-number.ts';

/** The tracking number as the office keeps it. */
export function requestNumberOf(text: string): string {
  const parsed = parseTrackingNumber(text);
  if (!parsed.ok) throw new RequestsError('request_not_found', text);
  return parsed.text;
}

export async function requireOffice(db: Kysely<DB>, slug: string) {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new OfficesError('office_not_found', slug);
  return office;
}

/** The office a staff page is about: its id, the target its access is asked for, and its name for the page's trail. */
export async function pageOffice(db: Kysely<DB>, lang: Lang, slug: string) {
  const office = await requireOffice(db, slug);
  const target: AccessTarget = { kind: 'office', officeId: office.id };
  return { id: office.id, slug: office.slug, target, label: { slug: office.slug, name: officeName(lang, office) } };
}
