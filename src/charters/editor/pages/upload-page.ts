// A charter's text, pasted or chosen as a file, read by the importer: its warnings line by line
// with the source line each one is about, and a button to make it the draft. The form is
// multipart so it can carry the file; a file's text comes back in the text box, which "Use as
// the draft" then sends, so the whole flow works without JavaScript.
import { formatNumber } from '../../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { csrfField, fieldId, renderErrorSummary, renderFormButtons, type SubmitButton } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import type { CharterDocument } from '../../model.ts';
import type { EditorView } from '../draft-service.ts';
import { editorHref, editorTrail, revisionField } from './form-parts.ts';

export interface UploadState {
  text: string;
  /** the importer's reading, after "Check" */
  doc?: CharterDocument | undefined;
  /** why the importer refused the text (or the file), in the page's language */
  error?: MessageKey | undefined;
  /** the name of the file the text was read from */
  fileName?: string | undefined;
  /** "Use as the draft" was refused: the draft changed since the text was read */
  stale?: boolean | undefined;
}

function renderWarnings(lang: Lang, doc: CharterDocument, lines: readonly string[]): Html {
  if (doc.warnings.length === 0) return html`<p>${t(lang, 'editor.upload_no_warnings')}</p>`;
  return html`<h2>${t(lang, 'editor.upload_warnings', { count: formatNumber(lang, doc.warnings.length) })}</h2>
<ol class="import-warnings">${doc.warnings.map((warning) => {
    const source = warning.line !== null ? lines[warning.line - 1] : undefined;
    return html`<li><p>${warning.line !== null ? html`<strong>${t(lang, 'editor.upload_line', { line: formatNumber(lang, warning.line) })}</strong>: ` : ''}<span lang="en">${warning.message}</span> <span class="muted">(${warning.code})</span></p>${
      source !== undefined && source.trim() !== '' ? html`<pre class="source-line" lang="bn">${source.slice(0, 400)}</pre>` : ''
    }</li>`;
  })}</ol>`;
}

/** The largest file the upload takes (the importer's own limit is the same 2 MB; a long charter is ~100 KB). */
export const UPLOAD_MAX_FILE_BYTES = 2 * 1024 * 1024;

export function renderUploadPage(lang: Lang, view: EditorView, state: UploadState, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const title = t(lang, 'editor.upload_title');
  const { doc } = state;
  const buttons: SubmitButton[] = [{ label: t(lang, 'editor.upload_check'), action: 'check', className: 'secondary' }];
  if (doc) buttons.push({ label: t(lang, 'editor.upload_use'), action: 'use' });
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${title}</h1>
<p>${t(lang, 'editor.upload_intro')}</p>
${state.stale ? html`<div class="stale-notice" role="alert"><h2>${t(lang, 'editor.stale_title')}</h2><p>${t(lang, 'editor.stale_note')}</p></div>` : ''}
${renderErrorSummary(lang, state.error ? [{ id: fieldId(state.fileName !== undefined ? 'file' : 'text'), text: t(lang, state.error) }] : [])}
${
  doc
    ? html`<div class="notice" role="status"><p>${t(lang, 'editor.upload_read', {
        services: formatNumber(lang, doc.services.length),
        contacts: formatNumber(lang, doc.grs_contacts.length),
      })}</p>${state.fileName !== undefined ? html`<p>${t(lang, 'editor.upload_file_read', { name: state.fileName })}</p>` : ''}</div>
${renderWarnings(lang, doc, state.text.split(/\r\n|\r|\n/))}`
    : ''
}
<form method="post" action="${editorHref(view.office.slug, '/upload')}" class="editor-form" enctype="multipart/form-data">
${csrfField(csrf)}
${revisionField(view.revision)}
<div class="field${state.error && state.fileName === undefined ? ' field-error' : ''}">
<label for="f-text">${t(lang, 'editor.field.charter_text')}</label>
<p class="hint">${t(lang, 'editor.hint.charter_text')}</p>
<textarea id="f-text" name="text" rows="14" lang="bn">\n${state.text}</textarea>
</div>
<div class="field${state.error && state.fileName !== undefined ? ' field-error' : ''}">
<label for="f-file">${t(lang, 'editor.field.charter_file')}</label>
<p class="hint" id="f-file-hint">${t(lang, 'editor.hint.charter_file')}</p>
<input id="f-file" name="file" type="file" accept=".txt,.text,.md,.markdown,.html,.htm,.tsv,.json,text/plain,text/markdown,text/html,application/json" aria-describedby="f-file-hint">
</div>
${renderFormButtons(buttons, { href: editorHref(view.office.slug), label: t(lang, 'editor.cancel') })}
</form>`;
  return { title: `${title} — ${name}`, body };
}
