// In a real browser: a charter read on a small phone, switched to English, on a desktop and on paper.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { exportCharter } from '../../src/charters/index.ts';
import type { TestDatabase } from '../../src/core/db/test-database.ts';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-jaintiapur-sylhet';

let portal: SeededPortal | undefined;
let database: TestDatabase;
let baseUrl: string;
let browser: Browser | undefined;

before(async () => {
  portal = await openSeededPortal();
  ({ database, baseUrl, browser } = portal);
});

after(async () => {
  await portal?.close();
});

/** The first service's fee and time limit are read without scrolling: within the first 740 px. */
async function assertFirstServiceOnFirstScreen(page: Page): Promise<void> {
  const facts = page.locator('#summary ul.service-summary li').first().locator('dd');
  assert.equal(await facts.count(), 2, 'the first service shows its fee and its time limit');
  for (const fact of await facts.all()) {
    const box = await fact.boundingBox();
    assert.ok(box && box.y + box.height <= 740, `"${await fact.innerText()}" is on the first screen (bottom at ${box ? box.y + box.height : 'none'}px)`);
  }
}

test('on a 360 px phone the charter shows every service, switches to English, and prints like the paper charter', { timeout: 90_000 }, async () => {
  assert.ok(browser);
  const doc = await exportCharter(database.db, OFFICE);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/offices/${OFFICE}`);

  assert.equal(await page.getAttribute('html', 'lang'), 'bn');
  for (const service of doc.services) {
    // named twice: in the list at the top and in the details below
    const link = page.getByRole('link', { name: service.name_bn ?? '', exact: true }).first();
    assert.ok(await link.isVisible(), `service ${service.serial} is visible`);
  }
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `the page fits 360 px without sideways scrolling (overflow ${overflow}px)`);
  await assertFirstServiceOnFirstScreen(page);
  await page.screenshot({ path: path.join(RESULTS, 'charter-360-bn.png'), fullPage: true });

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('heading', { name: /Citizen services/ }).first().isVisible());
  await assertFirstServiceOnFirstScreen(page);
  assert.ok(await page.getByRole('heading', { level: 1, name: 'Upazila ICT Office, Jaintiapur, Sylhet' }).isVisible());
  await page.screenshot({ path: path.join(RESULTS, 'charter-360-en.png'), fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/offices/${OFFICE}?lang=bn`);
  await page.screenshot({ path: path.join(RESULTS, 'charter-1280-bn.png'), fullPage: true });

  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.locator('.site-header').isVisible()), 'no site header on paper');
  assert.ok(await page.locator('table.services thead th').first().isVisible(), 'tables keep their header on paper');
  await page.screenshot({ path: path.join(RESULTS, 'charter-print-bn.png'), fullPage: true });
  await context.close();
});

test('on a 360 px phone a reader finds the charter from the directory: division, district, upazila, office', { timeout: 90_000 }, async () => {
  assert.ok(browser);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  for (const name of ['সিলেট', 'সিলেট', 'জেন্টাপুর']) {
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `${page.url()} fits 360 px (overflow ${overflow}px)`);
    await page.getByRole('link', { name, exact: true }).click();
  }
  await page.screenshot({ path: path.join(RESULTS, 'directory-upazila-360-bn.png'), fullPage: true });
  assert.ok(await page.getByRole('link', { name: 'সিলেট জেলা' }).isVisible(), 'the trail leads back to the district');
  await page.getByRole('link', { name: /জেন্টাপুর, সিলেট/ }).click();
  await page.waitForURL(new RegExp(`/offices/${OFFICE}$`));
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  await context.close();
});
