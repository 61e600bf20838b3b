// বাংলা: importer.
import type { importer as en } from '../en/importer.ts';

export const importer: Record<keyof typeof en, string> = {
  // importer keys go here
};
