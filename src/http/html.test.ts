// The escaping template: every interpolated value is text, whether it lands between tags or
// inside a quoted attribute, and only Html values pass through as markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, html, raw } from './html.ts';

const EACH_METACHARACTER: [string, string][] = [
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
];

/** What a browser reads back from escaped text, for the five entities the template writes. */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

test('each of the five HTML metacharacters is escaped on its own', () => {
  for (const [char, entity] of EACH_METACHARACTER) {
    assert.equal(escapeHtml(char), entity, `escapes ${char}`);
    assert.equal(escapeHtml(`a${char}b${char}`), `a${entity}b${entity}`, `escapes every ${char}, not only the first`);
  }
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});

test('an escaped text holds no metacharacter but the & that starts an entity, and reads back unchanged', () => {
  const hostile = `Tom & Jerry's <b>"office"</b> &amp; '১২৩' ঢাকা`;
  const escaped = escapeHtml(hostile);
  assert.doesNotMatch(escaped, /[<>"']/);
  assert.doesNotMatch(escaped, /&(?!amp;|lt;|gt;|quot;|#39;)/);
  assert.equal(unescape(escaped), hostile);
});

test('text is left alone when it has nothing to escape, Bangla included', () => {
  assert.equal(escapeHtml('জন্ম নিবন্ধন — ৭ কার্যদিবস; fee: 50/-'), 'জন্ম নিবন্ধন — ৭ কার্যদিবস; fee: 50/-');
});

test('an interpolated value between tags is escaped', () => {
  for (const [char, entity] of EACH_METACHARACTER) {
    assert.equal(html`<p>${`x${char}y`}</p>`.value, `<p>x${entity}y</p>`, `escapes ${char} in text`);
  }
});

test('an interpolated value inside a double-quoted attribute cannot close it', () => {
  for (const [char, entity] of EACH_METACHARACTER) {
    assert.equal(html`<input value="${`x${char}y`}">`.value, `<input value="x${entity}y">`, `escapes ${char} in an attribute`);
  }
  const attack = `" autofocus onfocus="alert(1)`;
  const out = html`<input value="${attack}">`.value;
  assert.equal(out, '<input value="&quot; autofocus onfocus=&quot;alert(1)">');
  assert.equal(unescape(/value="([^"]*)"/.exec(out)?.[1] ?? ''), attack, 'the whole value stays in the attribute');
});

test('an interpolated value inside a single-quoted attribute cannot close it', () => {
  const attack = `' onmouseover='alert(1)`;
  const out = html`<a title='${attack}'>x</a>`.value;
  assert.equal(out, `<a title='&#39; onmouseover=&#39;alert(1)'>x</a>`);
  assert.equal(unescape(/title='([^']*)'/.exec(out)?.[1] ?? ''), attack);
});

test('an already escaped entity is escaped again, so the reader sees what was written', () => {
  assert.equal(html`${'&lt;b&gt;'}`.value, '&amp;lt;b&amp;gt;');
});

test('numbers are written as text, and null, undefined and false as nothing', () => {
  assert.equal(html`${0}|${12.5}|${true}|${null}|${undefined}|${false}`.value, '0|12.5|true|||');
});

test('arrays are each escaped and joined, nested Html passes through', () => {
  const items = ['<a>', html`<li>${'"q"'}</li>`, ["'", '&']];
  assert.equal(html`<ul>${items}</ul>`.value, '<ul>&lt;a&gt;<li>&quot;q&quot;</li>&#39;&amp;</ul>');
});

test('raw() and nested templates are markup; a string that looks like markup is not', () => {
  assert.equal(html`${raw('<br>')}${html`<i>${'<i>'}</i>`}${'<br>'}`.value, '<br><i>&lt;i&gt;</i>&lt;br&gt;');
  assert.equal(String(html`<b>${'&'}</b>`), '<b>&amp;</b>');
});

test('the template keeps its own escapes and text around the values, also with no values or values at the edges', () => {
  assert.equal(html`a\nb`.value, 'a\nb');
  assert.equal(html``.value, '');
  assert.equal(html`${'<'}`.value, '&lt;');
  assert.equal(html`${'x'}${'y'}`.value, 'xy');
  assert.equal(html`[${1}|${2}]`.value, '[1|2]');
});
