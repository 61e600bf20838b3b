// The API's documentation: the OpenAPI document at /api/openapi.json (and /openapi.json, kept for
// those who link to it), and /api/docs, a page written from that same document on the server.
// Swagger UI is not used: it needs JavaScript and weighs megabytes; this page works on any
// browser, without scripts, and in Bangla or English.
import type { FastifyInstance } from 'fastify';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import { PUBLIC } from './access.ts';
import { html, type Html } from './html.ts';
import { sendPage } from './layout.ts';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const DOCUMENT = '/api/openapi.json';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A schema's type in a few words: "string (date-time)", "one of: a, b", "object", with "or null". */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return '';
  const choices = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]) : null;
  if (choices) return choices.map(typeOf).join(' | ');
  const nullable = schema.nullable === true ? ' | null' : '';
  if (Array.isArray(schema.enum)) return `${(schema.enum as unknown[]).map(String).join(', ')}${nullable}`;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : text(schema.type);
  if (type === 'array') return `array of ${typeOf(schema.items as Schema | undefined)}${nullable}`;
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type}${format}${nullable}`;
}

interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A JSON body's fields, those of a nested object under their dotted names (citizen.name). */
function fieldsOf(schema: Schema | undefined, prefix = ''): Field[] {
  const properties = (schema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    const field = { name: `${prefix}${name}`, type: typeOf(property), required: required.has(name), description: text(property.description) };
    return property.type === 'object' && property.properties ? [field, ...fieldsOf(property, `${field.name}.`)] : [field];
  });
}

interface DocumentedOperation {
  method: string;
  path: string;
  operation: Operation;
}

/** The operations of the document by tag, in the document's order; untagged ones last. */
function byTag(document: Document): Map<string, DocumentedOperation[]> {
  const groups = new Map<string, DocumentedOperation[]>();
  const other: DocumentedOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = methods[method];
      if (!operation) continue;
      const tag = operation.tags?.[0];
      const group = tag ? (groups.get(tag) ?? groups.set(tag, []).get(tag) ?? []) : other;
      group.push({ method, path, operation });
    }
  }
  if (other.length > 0) groups.set('', other);
  return groups;
}

const STATUS_MEANINGS: Partial<Record<string, MessageKey>> = {
  400: 'api_docs.status_400',
  401: 'api_docs.status_401',
  403: 'api_docs.status_403',
  404: 'api_docs.status_404',
  409: 'api_docs.status_409',
  413: 'api_docs.status_413',
  415: 'api_docs.status_415',
  429: 'api_docs.status_429',
  500: 'api_docs.status_500',
};

/** What an answer means: an error by its status (they share one body), a success as the document describes it. */
function meaningOf(lang: Lang, status: string, description: string | undefined): string {
  const key = STATUS_MEANINGS[status];
  if (key) return t(lang, key);
  return description && description !== 'Default Response' ? description : '';
}

const anchorOf = (method: string, path: string) => `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
const yesNo = (lang: Lang, value: boolean) => t(lang, value ? 'api_docs.yes' : 'api_docs.no');

function renderFields(lang: Lang, heading: string, rows: { name: string; where?: string; type: string; required: boolean; description: string }[]): Html {
  if (rows.length === 0) return html``;
  const withWhere = rows.some((row) => row.where !== undefined);
  return html`<h4>${heading}</h4>
<table><thead><tr><th>${t(lang, 'api_docs.name')}</th>${withWhere ? html`<th>${t(lang, 'api_docs.where')}</th>` : ''}<th>${t(lang, 'api_docs.type')}</th><th>${t(lang, 'api_docs.required')}</th><th>${t(lang, 'api_docs.description')}</th></tr></thead><tbody>
${rows.map((row) => html`<tr><td><code>${row.name}</code></td>${withWhere ? html`<td>${row.where ?? ''}</td>` : ''}<td>${row.type}</td><td>${yesNo(lang, row.required)}</td><td>${row.description}</td></tr>
`)}</tbody></table>`;
}

function renderOperation(lang: Lang, { method, path, operation }: DocumentedOperation): Html {
  const responses = Object.entries(operation.responses ?? {});
  const guarded = '401' in (operation.responses ?? {});
  const parameters = (operation.parameters ?? []).map((parameter) => ({
    name: parameter.name,
    where: parameter.in,
    type: typeOf(parameter.schema),
    required: parameter.required === true,
    description: parameter.description ?? text(parameter.schema?.description),
  }));
  const body = operation.requestBody?.content?.['application/json']?.schema;
  return html`<section class="api-operation">
<h3 id="${anchorOf(method, path)}"><code>${method.toUpperCase()} ${path}</code>${guarded ? html` <small>(${t(lang, 'api_docs.needs_token')})</small>` : ''}</h3>
${operation.summary ? html`<p>${operation.summary}</p>` : ''}
${operation.description ? html`<p>${operation.description}</p>` : ''}
${renderFields(lang, t(lang, 'api_docs.parameters'), parameters)}
${body ? renderFields(lang, t(lang, 'api_docs.body'), fieldsOf(body)) : ''}
<h4>${t(lang, 'api_docs.responses')}</h4>
<ul>${responses.map(([status, response]) => html`<li><strong>${status}</strong> ${meaningOf(lang, status, response.description)}</li>`)}</ul>
</section>`;
}

export function renderApiDocs(lang: Lang, document: Document) {
  const title = t(lang, 'api_docs.title');
  const groups = [...byTag(document)];
  const tagTitle = (tag: string) => (tag === '' ? t(lang, 'api_docs.other') : tag);
  // the placeholders become a link and code, around text that stays escaped
  const placeholders: Record<string, Html> = { '{document}': html`<a href="${DOCUMENT}">${DOCUMENT}</a>`, '{error}': html`<code>{error, field, message_en, message_bn}</code>` };
  const introHtml = t(lang, 'api_docs.intro')
    .split(/(\{document\}|\{error\})/)
    .map((part) => placeholders[part] ?? part);
  const body = html`<h1>${title}</h1>
<p>${introHtml}</p>
<h2>${t(lang, 'api_docs.auth_heading')}</h2>
<p>${t(lang, 'api_docs.auth_text')}</p>
<h2>${t(lang, 'api_docs.contents')}</h2>
<ul>${groups.map(([tag, operations]) => html`<li>${tagTitle(tag)}<ul>${operations.map((op) => html`<li><a href="#${anchorOf(op.method, op.path)}"><code>${op.method.toUpperCase()} ${op.path}</code></a></li>`)}</ul></li>`)}</ul>
${groups.map(([tag, operations]) => html`<h2 id="tag-${tag || 'other'}">${tagTitle(tag)}</h2>
${operations.map((operation) => renderOperation(lang, operation))}`)}`;
  return { title, body };
}

export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  app.get(DOCUMENT, { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { config: PUBLIC, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, renderApiDocs(request.lang, app.swagger() as Document)),
  );
}
