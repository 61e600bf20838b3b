// In a real browser: a charter read on a small phone, switched to English, on a desktop and on paper.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { exportCharter, seedCharters } from '../../src/charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../../src/core/db/test-database.ts';
import { PROJECT_ROOT } from '../../src/core/paths.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const RESULTS = path.join(PROJECT_ROOT, 'test-results');
const OFFICE = 'doict-jaintiapur-sylhet';

let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser | undefined;

before(async () => {
  // CI installs chromium; a missing browser must fail the run, never skip it
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  await fs.mkdir(RESULTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await database?.drop();
});

test('on a 360 px phone the charter shows every service, switches to English, and prints like the paper charter', { timeout: 90_000 }, async () => {
  assert.ok(browser);
  const doc = await exportCharter(database.db, OFFICE);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/offices/${OFFICE}`);

  assert.equal(await page.getAttribute('html', 'lang'), 'bn');
  for (const service of doc.services) {
    const link = page.getByRole('link', { name: service.name_bn ?? '', exact: true });
    assert.ok(await link.isVisible(), `service ${service.serial} is visible`);
  }
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `the page fits 360 px without sideways scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: path.join(RESULTS, 'charter-360-bn.png'), fullPage: true });

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('heading', { name: /Citizen services/ }).isVisible());
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
