// An office's name in the reader's language: its English name on English pages when it has one.
import type { Lang } from '../core/i18n/index.ts';

export function officeName(lang: Lang, office: { name_bn: string; name_en: string | null }): string {
  return lang === 'en' ? (office.name_en ?? office.name_bn) : office.name_bn;
}
