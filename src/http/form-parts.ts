// The pieces every server-rendered form is made of (the GOV.UK pattern): a labelled field that
// keeps what was typed and names its hint and error, the error summary at the top linking to each
// field at fault, the CSRF field, the notice of what was just done, and the row of buttons.
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import { html, type Html } from './html.ts';

/** Problems with a form, by field name, already in the page's language. */
export type FieldErrors = Partial<Record<string, string>>;

/** Problems as the form readers name them (catalogue keys), in the page's language. */
export function errorTexts(lang: Lang, errors: Readonly<Partial<Record<string, MessageKey>>>): FieldErrors {
  const texts: FieldErrors = {};
  for (const [name, key] of Object.entries(errors)) if (key) texts[name] = t(lang, key);
  return texts;
}

/** The id of a field's control: its label, its hint, its error and the error summary point at it. */
export const fieldId = (name: string): string => `f-${name}`;

export function hiddenField(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

export function csrfField(token: string): Html {
  return hiddenField('_csrf', token);
}

interface LabelledSpec {
  name: string;
  label: MessageKey;
  hint?: MessageKey | undefined;
  /** what is wrong, already in the page's language */
  error?: string | undefined;
}

export interface FieldSpec extends LabelledSpec {
  value: string;
  /** a textarea of this many rows instead of a one-line input */
  rows?: number | undefined;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | undefined;
  /** the language of what is typed, where it is not the page's */
  lang?: 'bn' | 'en' | undefined;
  /** a short input (a date, a time) */
  narrow?: boolean | undefined;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text' | undefined;
  autocomplete?: string | undefined;
  maxlength?: number | undefined;
}

export interface SelectSpec extends LabelledSpec {
  value: string;
  options: readonly { value: string; label: string }[];
  /** a first, empty choice ("Choose a service") */
  placeholder?: string | undefined;
}

/** The label, hint and error around a control, which is handed the attributes that tie it to them. */
function fieldFrame(lang: Lang, spec: LabelledSpec, control: (id: string, aria: Html) => Html): Html {
  const id = fieldId(spec.name);
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = spec.error ? `${id}-error` : null;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  const aria = html`${described ? html` aria-describedby="${described}"` : ''}${spec.error ? html` aria-invalid="true"` : ''}`;
  return html`<div class="field${spec.error ? ' field-error' : ''}">
<label for="${id}">${t(lang, spec.label)}</label>
${spec.hint ? html`<p class="hint" id="${hintId}">${t(lang, spec.hint)}</p>` : ''}
${spec.error ? html`<p class="error-message" id="${errorId}">${spec.error}</p>` : ''}
${control(id, aria)}
</div>`;
}

/** A labelled one-line input or textarea that keeps what was typed. */
export function renderField(lang: Lang, spec: FieldSpec): Html {
  return fieldFrame(lang, spec, (id, aria) => {
    const attributes = html`${spec.inputmode ? html` inputmode="${spec.inputmode}"` : ''}${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${
      spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''
    }${spec.lang ? html` lang="${spec.lang}"` : ''}${aria}`;
    // a browser drops the first line break inside a textarea: one is given, so a typed one is kept
    return spec.rows
      ? html`<textarea id="${id}" name="${spec.name}" rows="${spec.rows}"${attributes}>\n${spec.value}</textarea>`
      : html`<input id="${id}" name="${spec.name}" type="${spec.type ?? 'text'}" value="${spec.value}"${spec.narrow ? html` class="narrow"` : ''}${attributes}>`;
  });
}

/** A labelled choice from a list, with the current value selected. */
export function renderSelect(lang: Lang, spec: SelectSpec): Html {
  const option = (value: string, label: string) => html`<option value="${value}"${value === spec.value ? html` selected` : ''}>${label}</option>`;
  return fieldFrame(
    lang,
    spec,
    (id, aria) =>
      html`<select id="${id}" name="${spec.name}"${aria}>${spec.placeholder ? option('', spec.placeholder) : ''}${spec.options.map((choice) => option(choice.value, choice.label))}</select>`,
  );
}

/** One line of the error summary: what is wrong, linking to the control (by id) at fault. */
export interface Problem {
  id: string;
  text: string;
}

/**
 * The summary's lines for the fields at fault, in the order the fields are given (a form's field
 * list, or its labels by name), each named by its label: "Mobile number: Enter …".
 */
export function fieldProblems(
  lang: Lang,
  fields: readonly Pick<LabelledSpec, 'name' | 'label'>[] | Readonly<Partial<Record<string, MessageKey>>>,
  errors: FieldErrors,
): Problem[] {
  const labelled = Array.isArray(fields) ? fields : Object.entries(fields).map(([name, label]) => ({ name, label }));
  return labelled.flatMap(({ name, label }) => {
    const error = errors[name];
    return label && error ? [{ id: fieldId(name), text: `${t(lang, label)}: ${error}` }] : [];
  });
}

/** The errors above a form, each a link to its field; `general` for a problem of the whole form. */
export function renderErrorSummary(lang: Lang, problems: readonly Problem[], general?: string): Html {
  if (problems.length === 0 && !general) return html``;
  return html`<div class="error-summary" role="alert">
<h2>${t(lang, 'form.problem')}</h2>
${general ? html`<p>${general}</p>` : ''}
${problems.length > 0 ? html`<ul>${problems.map((problem) => html`<li><a href="#${problem.id}">${problem.text}</a></li>`)}</ul>` : ''}
</div>`;
}

/** What was just done ("Saved."), said once at the top of the page; nothing when there is nothing to say. */
export function renderNotice(text: string | Html | undefined): Html {
  return text ? html`<div class="notice" role="status"><p>${text}</p></div>` : html``;
}

export interface SubmitButton {
  label: string;
  /** the `action` the button posts, for forms with more than one ("check", "save") */
  action?: string | undefined;
  className?: 'primary' | 'secondary' | 'warning' | undefined;
}

/** The buttons under a form, and the way back without saving. */
export function renderFormButtons(buttons: readonly SubmitButton[], cancel?: { href: string; label: string }): Html {
  return html`<div class="form-buttons">
${buttons.map(
  (button) => html`<button type="submit"${button.action ? html` name="action" value="${button.action}"` : ''} class="${button.className ?? 'primary'}">${button.label}</button>
`,
)}${cancel ? html`<a href="${cancel.href}">${cancel.label}</a>
` : ''}</div>`;
}

/** A form of one button (remove, move, publish): it works without JavaScript. `hidden` goes with it. */
export function postButton(action: string, csrfToken: string, label: string, className: string, hidden: Html = html``): Html {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(csrfToken)}${hidden}<button type="submit" class="${className}">${label}</button></form>`;
}
