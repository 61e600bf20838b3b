// `npm run db:types`: migrates an in-memory database and writes its table types to src/core/db/schema.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { generateSchemaTypes, SCHEMA_FILE } from '../src/core/db/generate-types.ts';

const text = await generateSchemaTypes();
const before = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => undefined);
const name = path.relative(process.cwd(), SCHEMA_FILE);
if (text === before) {
  console.log(`${name} is up to date.`);
} else {
  await fs.writeFile(SCHEMA_FILE, text);
  console.log(`Wrote ${name}.`);
}
