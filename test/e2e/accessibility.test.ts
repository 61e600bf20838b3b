// In a real browser: axe-core finds no accessibility problem on the main public pages, on a
// 360 px phone and on a 1280 px desktop, in Bangla and in English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { openSeededPortal, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-jaintiapur-sylhet';

/** The pages a citizen meets, with what each is. */
const PAGES: readonly [string, string][] = [
  ['the directory', '/'],
  ['a district', '/districts/sylhet'],
  ['an upazila', '/upazilas/sylhet-jaintiapur'],
  ['a charter', `/offices/${OFFICE}`],
  ['a service', `/offices/${OFFICE}/services/s1`],
  ['the print copy', `/offices/${OFFICE}/print`],
  ['the notice-board copy', `/offices/${OFFICE}/print?paper=a3`],
  ['the tracking form', '/track'],
  ['the application form', `/offices/${OFFICE}/services/s1/apply`],
  ['the holiday calendar', '/calendar'],
  ['a page that does not exist', '/no-such-page'],
];

let portal: SeededPortal | undefined;
let baseUrl: string;
let browser: Browser | undefined;

before(async () => {
  portal = await openSeededPortal();
  ({ baseUrl, browser } = portal);
});

after(async () => {
  await portal?.close();
});

for (const width of [360, 1280]) {
  for (const lang of ['bn', 'en']) {
    test(`at ${width} px in ${lang === 'bn' ? 'Bangla' : 'English'}, axe finds no violation on any public page`, { timeout: 240_000 }, async () => {
      assert.ok(browser);
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const [name, address] of PAGES) {
        const url = `${baseUrl}${address}${address.includes('?') ? '&' : '?'}lang=${lang}`;
        const response = await page.goto(url);
        assert.ok(response, `${name} answers`);
        assert.equal(response.status(), name === 'a page that does not exist' ? 404 : 200, `${name} (${address}) answers`);
        const results = await new AxeBuilder({ page }).analyze();
        for (const violation of results.violations) {
          const where = violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`);
          problems.push(`${name} (${address}): ${violation.id} (${violation.impact}) — ${violation.help}\n    ${where.join('\n    ')}`);
        }
      }
      assert.deepEqual(problems, [], `violations:\n${problems.join('\n')}`);
      await context.close();
    });
  }
}
