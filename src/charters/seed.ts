// Imports and publishes the seed charters (data/charters/seeds.json) into an empty database.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../core/db/schema.ts';
import { hasAnyOffice } from '../offices/index.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { importCharter, type ImportResult } from './import-charter.ts';
import { readCharter } from './read-charter.ts';

const SEEDS_DIR = path.join(DATA_ROOT, 'charters');

const seedsFile = z.object({
  seeds: z.array(
    z.object({ file: z.string(), slug: z.string(), name_en: z.string().nullable(), address_en: z.string().nullable() }),
  ),
});

/** Does nothing when any office exists, so restarts never duplicate or overwrite charters. */
export async function seedCharters(db: Kysely<DB>): Promise<ImportResult[]> {
  if (await hasAnyOffice(db)) return [];
  const { seeds } = seedsFile.parse(JSON.parse(await fs.readFile(path.join(SEEDS_DIR, 'seeds.json'), 'utf8')));
  const results: ImportResult[] = [];
  for (const seed of seeds) {
    const bytes = await fs.readFile(path.join(SEEDS_DIR, seed.file));
    results.push(
      await importCharter(db, readCharter(bytes), {
        officeSlug: seed.slug,
        publish: true,
        sourceName: seed.file,
        sourceText: bytes.toString('utf8'),
        nameEn: seed.name_en,
        addressEn: seed.address_en,
      }),
    );
  }
  return results;
}
