-- Search that finds things (issue 16): services by name across all published charters, and
-- offices by name, address or place, in Bangla or English, tolerant of spelling.
create extension if not exists pg_trgm;

-- The one form every searched text and every query is compared in: Unicode composed, lower case,
-- Bangla letters folded to the nearest Latin letter (aspirated and unaspirated consonants alike,
-- long and short vowels alike, so জৈন্তাপুর and জেন্টাপুর, or ১০ and 10, give the same text) and
-- anything else but letters and digits made a single space. Trigrams of this text behave the same
-- on every server and locale, where Bangla vowel signs would otherwise split words.
create function search_key(text) returns text
  language sql immutable strict parallel safe
  return btrim(regexp_replace(
    translate(
      replace(replace(replace(lower(normalize($1, nfc)),
        U&'\09A1\09BC', 'r'), U&'\09A2\09BC', 'r'), U&'\09AF\09BC', 'y'),
      'অআইঈউঊঋঌএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহৎংািীুূৃেৈোৌ০১২৩৪৫৬৭৮৯্ঁঃ়ঽৗ' || U&'\200C\200D',
      'aaiiuurleeookkggnccjjnttddnttddnppbbmjrlssshtnaiiuureeoo0123456789'),
    '[^a-z0-9]+', ' ', 'g'));

-- A service is found by its Bangla and English name together.
create index charter_services_search_idx on charter_services
  using gin (search_key(coalesce(name_bn, '') || ' ' || coalesce(name_en, '')) gin_trgm_ops);

-- An office by its names, address and address on the portal (search_text, migration 0006).
create index offices_search_idx on offices using gin (search_key(search_text) gin_trgm_ops)
  where published_charter_version_id is not null;

-- A place by its Bangla and English name.
create index places_search_idx on places
  using gin (search_key(name_bn || ' ' || coalesce(name_en, '')) gin_trgm_ops);
