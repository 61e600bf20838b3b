// The importer's acceptance yardstick: charters of kinds of office its other tests never use,
// written the way such charters are really published and pasted, each with the facts a reader
// would write down by hand. None may be refused; at least 90 % of all facts must be read right,
// and at least 75 % of each charter's, so that one kind of office cannot hide behind the others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../core/db/test-database.ts';
import { importCharter } from '../import-charter.ts';
import { readCharter } from '../read-charter.ts';
import { parseCharterText } from './charter-text.ts';
import { formatCharterScore, scoreCharter, type CharterScore, type ExpectedCharter } from './fact-score.ts';
import { facts as brtaCircleOffice } from './fixtures/kinds/brta-circle-office.facts.ts';
import { facts as cityCorporation } from './fixtures/kinds/city-corporation.facts.ts';
import { facts as electionOffice } from './fixtures/kinds/election-office.facts.ts';
import { facts as landOffice } from './fixtures/kinds/land-office.facts.ts';
import { facts as livestockOffice } from './fixtures/kinds/livestock-office.facts.ts';
import { facts as passportOffice } from './fixtures/kinds/passport-office.en.facts.ts';
import { facts as policeStation } from './fixtures/kinds/police-station.facts.ts';
import { facts as unoOffice } from './fixtures/kinds/uno-office.facts.ts';

interface UnseenCharter {
  file: string;
  slug: string;
  facts: ExpectedCharter;
}

const charters: UnseenCharter[] = [
  { file: 'land-office.pdftotext.txt', slug: 'unseen-land-office', facts: landOffice },
  { file: 'uno-office.html.txt', slug: 'unseen-uno-office', facts: unoOffice },
  { file: 'police-station.txt', slug: 'unseen-police-station', facts: policeStation },
  { file: 'brta-circle-office.txt', slug: 'unseen-brta-circle-office', facts: brtaCircleOffice },
  { file: 'election-office.txt', slug: 'unseen-election-office', facts: electionOffice },
  { file: 'livestock-office.txt', slug: 'unseen-livestock-office', facts: livestockOffice },
  { file: 'city-corporation.txt', slug: 'unseen-city-corporation', facts: cityCorporation },
  { file: 'passport-office.en.txt', slug: 'unseen-passport-office', facts: passportOffice },
];

const textOf = (file: string) => readFileSync(new URL(`./fixtures/kinds/${file}`, import.meta.url), 'utf8');
const scores = new Map<string, CharterScore>();

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

for (const charter of charters) {
  test(`${charter.file}: read with at least one service and at least 75 % of its facts right`, () => {
    const doc = parseCharterText(textOf(charter.file));
    assert.ok(doc.services.length > 0, `${charter.file}: no service read — the charter would be refused`);
    const score = scoreCharter(charter.facts, doc);
    scores.set(charter.file, score);
    console.log(formatCharterScore(charter.file, score));
    assert.ok(score.share >= 0.75, `${charter.file}: ${score.right}/${score.checked} facts right, fewer than 75 %`);
  });

  test(`${charter.file}: imported through the database path without being refused`, async () => {
    const bytes = Buffer.from(textOf(charter.file), 'utf8');
    const result = await importCharter(database.db, readCharter(bytes), {
      officeSlug: charter.slug,
      publish: true,
      sourceName: charter.file,
      sourceText: bytes.toString('utf8'),
    });
    assert.equal(result.status, 'published');
  });
}

test('at least 90 % of all the unseen charters’ facts are read right', () => {
  // scored afresh, so this test stands on its own when run alone
  const all = charters.map((charter) => scores.get(charter.file) ?? scoreCharter(charter.facts, parseCharterText(textOf(charter.file))));
  const right = all.reduce((sum, score) => sum + score.right, 0);
  const checked = all.reduce((sum, score) => sum + score.checked, 0);
  console.log(
    [
      'charter                          right/checked',
      ...charters.map((charter, i) => `${charter.file.padEnd(32)} ${all[i]?.right}/${all[i]?.checked}`),
      `${'all'.padEnd(32)} ${right}/${checked} (${((right / checked) * 100).toFixed(1)} %)`,
    ].join('\n'),
  );
  assert.ok(right / checked >= 0.9, `${right}/${checked} facts right, fewer than 90 %`);
});
