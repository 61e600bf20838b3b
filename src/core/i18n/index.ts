// Looks up text in the language of the page; {name} placeholders are filled from params.
import { bn } from './bn.ts';
import { en } from './en.ts';

export type Lang = 'bn' | 'en';
export type MessageKey = keyof typeof en;
export const LANGS: readonly Lang[] = ['bn', 'en'];

const catalogues: Record<Lang, Record<MessageKey, string>> = { bn, en };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return value === 'bn' || value === 'en';
}
