// The organisation tree (ministry → division → department) from data/organisations.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_ROOT } from '../core/paths.ts';

const organisationsFile = z.object({
  organisations: z.array(
    z.object({
      slug: z.string(),
      kind: z.enum(['ministry', 'division', 'department', 'directorate']),
      parent: z.string().nullable(),
      name_bn: z.string(),
      name_en: z.string(),
      aliases_bn: z.array(z.string()),
      hosts: z.array(z.string()),
    }),
  ),
});

export type KnownOrganisation = z.infer<typeof organisationsFile>['organisations'][number];

let known: KnownOrganisation[] | undefined;

export function knownOrganisations(): KnownOrganisation[] {
  known ??= organisationsFile.parse(JSON.parse(readFileSync(path.join(DATA_ROOT, 'organisations.json'), 'utf8'))).organisations;
  return known;
}

/** The organisation a charter names as parent, or whose code starts the portal's host name. */
export function identifyOrganisation(parentBn: string | null, hostLabels: string[]): KnownOrganisation | undefined {
  const name = parentBn?.normalize('NFC').trim();
  return knownOrganisations().find(
    (org) =>
      (name && (org.name_bn === name || org.aliases_bn.includes(name))) ||
      (hostLabels[0] !== undefined && org.hosts.includes(hostLabels[0])),
  );
}
