// HTML through one tagged template that escapes every interpolated value by default.
// Only Html values (built by this template or by raw() on trusted constants) pass unescaped.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  // String.raw interleaves the template's parts with the rendered values; handed the cooked
  // parts as its raw ones, a \n written in a template is still a line break
  return new Html(String.raw({ raw: strings }, ...values.map(render)));
}

/** For trusted constant markup only (never for data). */
export function raw(trusted: string): Html {
  return new Html(trusted);
}
