// In a real browser on a 360 px phone: an office administrator signs in, changes a service's
// time limit, checks how it reads, saves, publishes, and sees the public page change.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { createTestUser, type TestUser } from '../../src/accounts/test-support.ts';
import { exportCharter } from '../../src/charters/index.ts';
import type { TestDatabase } from '../../src/core/db/test-database.ts';
import { openSeededPortal, RESULTS, type SeededPortal } from './seeded-portal.ts';

const OFFICE = 'doict-sadar-jessore';

let portal: SeededPortal | undefined;
let database: TestDatabase;
let baseUrl: string;
let browser: Browser | undefined;
let admin: TestUser;

before(async () => {
  portal = await openSeededPortal();
  ({ database, baseUrl, browser } = portal);
  admin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OFFICE });
});

after(async () => {
  await portal?.close();
});

async function assertFits(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `${page.url()} fits 360 px without sideways scrolling (overflow ${overflow}px)`);
}

test('an office admin edits a time limit on a phone, checks it, saves, publishes and sees the public page change', { timeout: 180_000 }, async () => {
  assert.ok(browser);
  const service = (await exportCharter(database.db, OFFICE)).services[4];
  assert.ok(service?.code);
  // without JavaScript: every step is a plain form
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto(`${baseUrl}/offices/${OFFICE}/edit`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('ই-মেইল ঠিকানা').fill(admin.email);
  await page.getByLabel('পাসওয়ার্ড').fill(admin.password);
  await page.getByRole('button', { name: 'সাইন ইন' }).click();
  await page.waitForURL(new RegExp(`/offices/${OFFICE}/edit$`));
  assert.ok(await page.getByRole('heading', { level: 1, name: 'সিটিজেন চার্টার সম্পাদনা' }).isVisible());
  await assertFits(page);
  await page.screenshot({ path: path.join(RESULTS, 'editor-overview-360-bn.png'), fullPage: true });

  await page.locator(`a[href="/offices/${OFFICE}/edit/services/${service.code}"]`).first().click();
  await page.getByLabel('সেবা প্রদানের সময়সীমা').fill('৩ কার্যদিবস');
  await page.getByRole('button', { name: 'সময়সীমা যাচাই করুন' }).click();
  const reading = page.locator('.time-reading');
  assert.equal((await reading.innerText()).trim(), '৩ কার্যদিবস → সর্বোচ্চ ৩ কার্যদিবস');
  await assertFits(page);
  await page.screenshot({ path: path.join(RESULTS, 'editor-service-check-360-bn.png'), fullPage: true });

  await page.getByRole('button', { name: 'খসড়ায় সংরক্ষণ করুন' }).click();
  await page.waitForURL(/done=saved/);
  await page.getByRole('button', { name: 'খসড়া প্রকাশ করুন' }).click();
  await page.waitForURL(/done=published/);
  assert.ok(await page.getByText('প্রকাশিত হয়েছে।').isVisible());

  await page.goto(`${baseUrl}/offices/${OFFICE}/services/${service.code}`);
  const fields = await page.locator('.service-fields').innerText();
  assert.match(fields, /৩ কার্যদিবস\s*সর্বোচ্চ ৩ কার্যদিবস/, 'the public page shows the new limit');
  await page.goto(`${baseUrl}/offices/${OFFICE}/history?lang=en`);
  assert.ok(await page.getByText(/time limit “.*” → “৩ কার্যদিবস”/).isVisible());
  await assertFits(page);
  await page.screenshot({ path: path.join(RESULTS, 'editor-history-360-en.png'), fullPage: true });
  await context.close();
});
