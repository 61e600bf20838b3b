// A charter whose texts hold & < > " ' shows them as text on every page that prints them,
// between tags and inside attributes (the website link, the mail link, the page title).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { importCharter, noTimeLimit, type CharterDocument } from './index.ts';

const SLUG = 'metacharacter-office';

// Each field gets its own label, so a field rendered without escaping is named by the failure.
// The expected forms are written out by hand: the test must not trust the code it checks.
const text = (label: string) => `${label} & <${label}> "${label}" '${label}'`;
const escaped = (label: string) => `${label} &amp; &lt;${label}&gt; &quot;${label}&quot; &#39;${label}&#39;`;

const WEBSITE = "https://example.gov.bd/?office=1&lang='bn'";
const WEBSITE_IN_HREF = 'href="https://example.gov.bd/?office=1&amp;lang=&#39;bn&#39;"';
const EMAIL = `"o'brien & <co>"@example.gov.bd`;
const EMAIL_IN_HREF = 'href="mailto:&quot;o&#39;brien &amp; &lt;co&gt;&quot;@example.gov.bd"';

function metacharacterCharter(): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: {
      name_bn: text('দপ্তর'),
      name_en: null,
      parent_bn: text('মন্ত্রণালয়'),
      address_bn: text('ঠিকানা'),
      website: WEBSITE,
    },
    vision_bn: text('রূপকল্প'),
    mission_bn: text('অভিলক্ষ্য'),
    services: [
      {
        category: 'citizen',
        serial: 1,
        name_bn: text('সেবা'),
        name_en: null,
        delivery_methods: [text('পদ্ধতি')],
        documents_bn: text('কাগজপত্র'),
        fee: { text: text('মূল্য'), free: false, amount_bdt: null, schedule: [] },
        time_limit: noTimeLimit(text('সময়সীমা')),
        officer: {
          name_bn: text('কর্মকর্তা'),
          designation_bn: text('পদবি'),
          phone: null,
          mobile: '+8801711000001',
          email: EMAIL,
          inferred: false,
        },
        remedy_bn: text('প্রতিকার'),
        source_line: null,
      },
    ],
    grs_contacts: [{ level: 1, role_bn: text('অনিক'), contact_bn: text('যোগাযোগ'), time_limit: noTimeLimit(text('নিষ্পত্তি')) }],
    expectations_bn: [text('প্রত্যাশা')],
    warnings: [],
  };
}

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await importCharter(database.db, metacharacterCharter(), { officeSlug: SLUG, publish: true });
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

async function page(url: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, url);
  assert.match(String(response.headers['content-type']), /^text\/html/, url);
  return response.body;
}

function assertShownAsText(body: string, labels: readonly string[], where: string): void {
  for (const label of labels) {
    assert.ok(body.includes(escaped(label)), `${label} is escaped on ${where}`);
    assert.ok(!body.includes(text(label)), `${label} never appears raw on ${where}`);
    assert.ok(!body.includes(`<${label}>`), `${label} never becomes an element on ${where}`);
  }
}

test('the charter page shows every text with & < > " \' as text', async () => {
  for (const url of [`/offices/${SLUG}`, `/offices/${SLUG}?lang=en`]) {
    const body = await page(url);
    assertShownAsText(
      body,
      ['দপ্তর', 'মন্ত্রণালয়', 'ঠিকানা', 'রূপকল্প', 'অভিলক্ষ্য', 'সেবা', 'পদ্ধতি', 'কাগজপত্র', 'মূল্য', 'সময়সীমা', 'কর্মকর্তা', 'পদবি', 'প্রতিকার', 'অনিক', 'যোগাযোগ', 'নিষ্পত্তি', 'প্রত্যাশা'],
      url,
    );
  }
});

test('the charter page puts the website and the e-mail address into href attributes escaped', async () => {
  const body = await page(`/offices/${SLUG}`);
  assert.ok(body.includes(WEBSITE_IN_HREF), 'website link');
  assert.ok(body.includes(EMAIL_IN_HREF), 'mail link');
  assert.ok(!body.includes(`mailto:${EMAIL}`), 'the address never closes its attribute');
});

test('the page title is escaped', async () => {
  const body = await page(`/offices/${SLUG}`);
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '';
  assert.ok(title.includes(escaped('দপ্তর')), title);
});

test('the service page shows every field with & < > " \' as text, and the mail link escaped', async () => {
  const charter = await page(`/offices/${SLUG}`);
  const href = new RegExp(`href="(/offices/${SLUG}/services/s\\d+)"`).exec(charter)?.[1];
  assert.ok(href, 'a link to the service');
  const body = await page(href);
  assertShownAsText(body, ['দপ্তর', 'সেবা', 'পদ্ধতি', 'কাগজপত্র', 'মূল্য', 'সময়সীমা', 'কর্মকর্তা', 'পদবি', 'প্রতিকার'], href);
  assert.ok(body.includes(EMAIL_IN_HREF), 'mail link');
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '';
  assert.ok(title.includes(escaped('সেবা')) && title.includes(escaped('দপ্তর')), title);
});

test('a directory search with a quote in it finds the office and lists its name escaped', async () => {
  const body = await page(`/search?q=${encodeURIComponent('"দপ্তর"')}`);
  assert.ok(body.includes('value="&quot;দপ্তর&quot;"'), 'the query in the search box');
  assertShownAsText(body, ['দপ্তর'], 'the search results');
});
