// Where the repository's own files live, independent of the working directory. This file sits
// two folders below the root both as source (src/core/paths.ts, run by tsx) and compiled
// (dist/core/paths.js, run by node), so the same climb finds the root from either.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** committed data: seed charters, geography, organisations (not the runtime DATA_DIR) */
export const DATA_ROOT = path.join(PROJECT_ROOT, 'data');
/** the stylesheet and other static files: not compiled, so always read from the sources */
export const ASSETS_ROOT = path.join(PROJECT_ROOT, 'src', 'http', 'assets');
