// বাংলা: Open311 GeoReport v2.
import type { open311 as en } from '../en/open311.ts';

export const open311: Record<keyof typeof en, string> = {
};
