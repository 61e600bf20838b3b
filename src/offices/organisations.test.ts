import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostLabels } from './geography.ts';
import { identifyOrganisation, knownOrganisations } from './organisations.ts';

const chain = (slug: string | undefined): string[] => {
  const bySlug = new Map(knownOrganisations().map((org) => [org.slug, org]));
  const names: string[] = [];
  for (let org = slug ? bySlug.get(slug) : undefined; org; org = org.parent ? bySlug.get(org.parent) : undefined) names.push(org.slug);
  return names;
};
const byHost = (website: string) => identifyOrganisation(null, hostLabels(website))?.slug;

test('the seed offices land under DoICT → ICT Division → Ministry of Posts, Telecommunications and IT', () => {
  assert.deepEqual(chain(byHost('http://doict.jaintiapur.sylhet.gov.bd')), ['doict', 'ict-division', 'posts-telecom-ict-ministry']);
  assert.deepEqual(chain(identifyOrganisation('তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর', [])?.slug), ['doict', 'ict-division', 'posts-telecom-ict-ministry']);
  assert.equal(identifyOrganisation('তথ্য ও যোগাযোগ প্রযুক্তি অধিদফতর', [])?.slug, 'doict', 'দফতর is the same word as দপ্তর');
});

test('offices of other departments are identified by the label their portal host starts with', () => {
  assert.deepEqual(chain(byHost('http://dghs.sylhet.gov.bd')), ['dghs', 'health-services-division', 'health-ministry']);
  assert.deepEqual(chain(byHost('https://brta.gov.bd')), ['brta', 'road-transport-highways-division', 'road-transport-bridges-ministry']);
  assert.deepEqual(chain(byHost('http://police.sylhet.gov.bd')), ['police', 'public-security-division', 'home-ministry']);
  assert.deepEqual(chain(byHost('http://dshe.gov.bd')), ['dshe', 'secondary-higher-education-division', 'education-ministry']);
  assert.equal(byHost('http://dae.jaintiapur.sylhet.gov.bd'), 'dae');
});

test('a land office on <place>.land.gov.bd belongs to the Ministry of Land', () => {
  assert.equal(byHost('https://jaintiapur.land.gov.bd'), 'land-ministry');
});

test('a charter naming its parent in Bangla is placed there even without a portal address', () => {
  assert.equal(identifyOrganisation('স্বাস্থ্য অধিদপ্তর', [])?.slug, 'dghs');
  assert.equal(identifyOrganisation('বাংলাদেশ সড়ক পরিবহন কর্তৃপক্ষ', [])?.slug, 'brta');
  assert.equal(identifyOrganisation('কোনো অচেনা দপ্তর', ['unknown', 'sylhet']), undefined);
});

test('every organisation has Bangla and English names, a known parent and a source, and no host label is used twice', () => {
  const all = knownOrganisations();
  assert.ok(all.length > 100, 'the ministries, divisions and main departments of the government');
  const hosts = all.flatMap((org) => org.hosts);
  assert.equal(new Set(hosts).size, hosts.length);
  for (const org of all) {
    assert.ok(org.name_bn && org.name_en, org.slug);
    assert.ok(org.kind === 'ministry' || org.parent !== null || org.kind === 'division' || org.kind === 'authority', `${org.slug} has a parent`);
  }
});
