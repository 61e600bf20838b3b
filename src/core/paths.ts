// Where the repository's own files live, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** committed data: seed charters, geography, organisations (not the runtime DATA_DIR) */
export const DATA_ROOT = path.join(PROJECT_ROOT, 'data');
