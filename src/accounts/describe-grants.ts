// Where each of a user's roles is held, in words: "Office admin — Upazila ICT Office, Jessore Sadar".
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { findScopeNames } from '../offices/index.ts';
import type { Grant, Role } from './roles.ts';

export interface DescribedGrant {
  role: Role;
  scope: string;
  /** the office a role is held in, for links to its pages */
  officeSlug?: string;
}

export async function describeGrants(db: Kysely<DB>, lang: Lang, grants: readonly Grant[]): Promise<DescribedGrant[]> {
  const names = await findScopeNames(db, {
    officeIds: grants.flatMap((grant) => ('officeId' in grant ? [grant.officeId] : [])),
    placeIds: grants.flatMap((grant) => ('placeId' in grant ? [grant.placeId] : [])),
    organisationIds: grants.flatMap((grant) => ('organisationId' in grant ? [grant.organisationId] : [])),
  });
  const inLang = (named: { name_bn: string; name_en: string | null } | undefined) => (named ? (lang === 'en' && named.name_en ? named.name_en : named.name_bn) : '?');
  return grants.map((grant) => {
    if ('officeId' in grant) {
      const office = names.offices.get(grant.officeId);
      return { role: grant.role, scope: inLang(office), ...(office ? { officeSlug: office.slug } : {}) };
    }
    if ('placeId' in grant) return { role: grant.role, scope: inLang(names.places.get(grant.placeId)) };
    if ('organisationId' in grant) return { role: grant.role, scope: inLang(names.organisations.get(grant.organisationId)) };
    return { role: grant.role, scope: t(lang, 'account.scope_national') };
  });
}
