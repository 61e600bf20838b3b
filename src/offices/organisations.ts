// The organisation tree (ministry → division → department) from data/organisations.json, and
// which organisation a charter's parent name or portal address points to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_ROOT } from '../core/paths.ts';

export const ORGANISATION_KINDS = ['ministry', 'division', 'department', 'directorate', 'authority'] as const;

const organisationsFile = z
  .object({
    sources: z.record(z.string(), z.string()),
    organisations: z.array(
      z.object({
        slug: z.string(),
        kind: z.enum(ORGANISATION_KINDS),
        parent: z.string().nullable(),
        name_bn: z.string(),
        name_en: z.string(),
        aliases_bn: z.array(z.string()),
        hosts: z.array(z.string()),
        source: z.string(),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const slugs = new Set(file.organisations.map((org) => org.slug));
    for (const org of file.organisations) {
      if (org.parent !== null && !slugs.has(org.parent)) ctx.addIssue({ code: 'custom', message: `${org.slug}: unknown parent ${org.parent}` });
      if (!(org.source in file.sources)) ctx.addIssue({ code: 'custom', message: `${org.slug}: unknown source ${org.source}` });
    }
  });

export type KnownOrganisation = z.infer<typeof organisationsFile>['organisations'][number];

let known: KnownOrganisation[] | undefined;
let byHost: Map<string, KnownOrganisation> | undefined;
let byName: Map<string, KnownOrganisation> | undefined;

// অধিদফতর and অধিদপ্তর, দফতর and দপ্তর: both spellings are in use
const normaliseName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').replaceAll('দফতর', 'দপ্তর');

export function knownOrganisations(): KnownOrganisation[] {
  known ??= organisationsFile.parse(JSON.parse(readFileSync(path.join(DATA_ROOT, 'organisations.json'), 'utf8'))).organisations;
  return known;
}

function hostIndex(): Map<string, KnownOrganisation> {
  byHost ??= new Map(knownOrganisations().flatMap((org) => org.hosts.map((host) => [host, org] as const)));
  return byHost;
}

function nameIndex(): Map<string, KnownOrganisation> {
  byName ??= new Map(knownOrganisations().flatMap((org) => [org.name_bn, ...org.aliases_bn].map((name) => [normaliseName(name), org] as const)));
  return byName;
}

/** Whether a portal host label (dghs, doict, brta …) is an organisation's, not a place's. */
export function isOrganisationHostLabel(label: string): boolean {
  return hostIndex().has(label);
}

/**
 * The organisation a charter names as parent, else the one whose label starts the portal's host
 * (dghs.sylhet.gov.bd, brta.gov.bd) or ends it (jaintiapur.land.gov.bd).
 */
export function identifyOrganisation(parentBn: string | null, hostLabels: string[]): KnownOrganisation | undefined {
  const named = parentBn ? nameIndex().get(normaliseName(parentBn)) : undefined;
  if (named) return named;
  const first = hostLabels[0];
  const last = hostLabels[hostLabels.length - 1];
  return (first !== undefined ? hostIndex().get(first) : undefined) ?? (last !== undefined ? hostIndex().get(last) : undefined);
}
