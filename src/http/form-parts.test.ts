// The form parts every page's forms are made of: what was typed and what is wrong are text, each
// control names its hint and error, and the summary at the top links to each control at fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { t } from '../core/i18n/index.ts';
import {
  csrfField,
  errorTexts,
  fieldProblems,
  postButton,
  renderErrorSummary,
  renderField,
  renderFormButtons,
  renderNotice,
  renderSelect,
} from './form-parts.ts';

const HOSTILE = `"><script>alert('x')</script>&`;
const ESCAPED = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;';

/** The attributes of the element with this id, as written. */
function tagWithId(markup: string, id: string): string {
  const tag = new RegExp(`<\\w+ id="${id}"[^>]*>`).exec(markup)?.[0];
  assert.ok(tag, `an element with id ${id}`);
  return tag;
}

test('what was typed and the error text are escaped, in an input, a textarea and a select', () => {
  const input = String(renderField('en', { name: 'name', label: 'apply.field.name', value: HOSTILE, error: HOSTILE }));
  assert.ok(input.includes(`value="${ESCAPED}"`));
  assert.ok(input.includes(`<p class="error-message" id="f-name-error">${ESCAPED}</p>`));
  assert.doesNotMatch(input, /<script/);

  const textarea = String(renderField('en', { name: 'details', label: 'apply.field.details', value: HOSTILE, rows: 4 }));
  assert.ok(textarea.includes(`<textarea id="f-details" name="details" rows="4">\n${ESCAPED}</textarea>`), 'kept after the line break a browser drops');

  const select = String(renderSelect('en', { name: 'kind', label: 'calendar_admin.field.kind', value: HOSTILE, error: HOSTILE, options: [{ value: HOSTILE, label: HOSTILE }] }));
  assert.ok(select.includes(`<option value="${ESCAPED}" selected>${ESCAPED}</option>`));
  assert.doesNotMatch(select, /<script/);
});

test('a field without a hint or an error is a label and its control, tied by the id', () => {
  const markup = String(renderField('en', { name: 'name', label: 'apply.field.name', value: 'Rahim' }));
  assert.ok(markup.startsWith('<div class="field">'));
  assert.ok(markup.includes(`<label for="f-name">${t('en', 'apply.field.name')}</label>`));
  assert.equal(tagWithId(markup, 'f-name'), '<input id="f-name" name="name" type="text" value="Rahim">');
});

test('a field names its hint and its error in aria-describedby, and says it is invalid only with an error', () => {
  const hinted = String(renderField('bn', { name: 'mobile', label: 'apply.field.mobile', value: '', hint: 'apply.hint.mobile', type: 'tel' }));
  assert.ok(hinted.includes(`<p class="hint" id="f-mobile-hint">${t('bn', 'apply.hint.mobile')}</p>`));
  assert.match(tagWithId(hinted, 'f-mobile'), / aria-describedby="f-mobile-hint"/);
  assert.doesNotMatch(hinted, /aria-invalid|field-error/);

  const wrong = String(renderField('bn', { name: 'mobile', label: 'apply.field.mobile', value: '১২৩', hint: 'apply.hint.mobile', type: 'tel', error: 'Enter a mobile number' }));
  assert.ok(wrong.startsWith('<div class="field field-error">'));
  const control = tagWithId(wrong, 'f-mobile');
  assert.match(control, / aria-describedby="f-mobile-hint f-mobile-error"/);
  assert.match(control, / aria-invalid="true"/);
  assert.ok(wrong.includes('id="f-mobile-error"'), 'the error it names is there');

  const select = String(renderSelect('en', { name: 'kind', label: 'calendar_admin.field.kind', value: 'a', error: 'Choose one', options: [{ value: 'a', label: 'A' }] }));
  assert.match(tagWithId(select, 'f-kind'), /^<select id="f-kind" name="kind" aria-describedby="f-kind-error" aria-invalid="true">$/);
});

test('the error summary links to each field at fault by its id, named by its label, in the order of the form', () => {
  const labels = { name: 'apply.field.name', mobile: 'apply.field.mobile', email: 'apply.field.email' } as const;
  const errors = errorTexts('en', { email: 'editor.error.email', name: 'editor.error.name_required' });
  const summary = String(renderErrorSummary('en', fieldProblems('en', labels, errors)));
  assert.match(summary, /^<div class="error-summary" role="alert">/);
  assert.ok(summary.includes(`<h2>${t('en', 'form.problem')}</h2>`));
  const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]]);
  assert.deepEqual(links, [
    ['f-name', `${t('en', 'apply.field.name')}: ${t('en', 'editor.error.name_required')}`],
    ['f-email', `${t('en', 'apply.field.email')}: ${t('en', 'editor.error.email')}`],
  ]);
  const nameField = String(renderField('en', { name: 'name', label: 'apply.field.name', value: '', error: errors.name }));
  assert.equal(tagWithId(nameField, 'f-name').startsWith('<input '), true, 'the link leads to the control itself');

  const listed = fieldProblems('en', [{ name: 'mobile', label: 'apply.field.mobile' }], { mobile: HOSTILE, unknown: 'not a field of this form' });
  assert.deepEqual(listed, [{ id: 'f-mobile', text: `${t('en', 'apply.field.mobile')}: ${HOSTILE}` }], 'a field list works as labels do');
  assert.ok(String(renderErrorSummary('en', listed)).includes(ESCAPED), 'the error text is escaped in the summary too');
});

test('the error summary is empty without problems, and says a problem of the whole form above the list', () => {
  assert.equal(String(renderErrorSummary('en', [])), '');
  const general = String(renderErrorSummary('bn', [], HOSTILE));
  assert.ok(general.includes(`<p>${ESCAPED}</p>`));
  assert.doesNotMatch(general, /<ul>/);
});

test('the CSRF field, the notice, the buttons and a one-button form', () => {
  assert.equal(String(csrfField(HOSTILE)), `<input type="hidden" name="_csrf" value="${ESCAPED}">`);
  assert.equal(String(renderNotice(undefined)), '');
  assert.equal(String(renderNotice(HOSTILE)), `<div class="notice" role="status"><p>${ESCAPED}</p></div>`);
  const buttons = String(
    renderFormButtons(
      [
        { label: 'Check', action: 'check', className: 'secondary' },
        { label: 'Save', action: 'save' },
      ],
      { href: '/back', label: 'Cancel' },
    ),
  );
  assert.match(buttons, /^<div class="form-buttons">\n<button type="submit" name="action" value="check" class="secondary">Check<\/button>\n<button type="submit" name="action" value="save" class="primary">Save<\/button>\n<a href="\/back">Cancel<\/a>\n<\/div>$/);
  assert.equal(String(renderFormButtons([{ label: 'Send' }])), '<div class="form-buttons">\n<button type="submit" class="primary">Send</button>\n</div>');
  assert.equal(
    String(postButton('/remove', 'tok', 'Remove', 'warning')),
    '<form method="post" action="/remove" class="inline-form"><input type="hidden" name="_csrf" value="tok"><button type="submit" class="warning">Remove</button></form>',
  );
});
