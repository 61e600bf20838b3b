import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasListMarker, stripListMarker } from './list-items.ts';

test('a list item loses its number or bullet in every style charters use', () => {
  const styles = ['১.', '১)', '(১)', '১।', 'ক)', 'ক.', '(ক)', 'i.', 'iv)', '(a)', 'b.', '1.', '০১.', '•', '-', '*', '✓', '➤', '▪'];
  for (const marker of styles) assert.equal(stripListMarker(`${marker} আবেদন জমা দিন`), 'আবেদন জমা দিন', marker);
});

test('digits glued to the text with a stop are a number too', () => {
  assert.equal(stripListMarker('১.আবেদনপত্র'), 'আবেদনপত্র');
});

test('text that starts like a number but is none keeps its words', () => {
  assert.equal(stripListMarker('৩০ কার্যদিবসের মধ্যে'), '৩০ কার্যদিবসের মধ্যে');
  assert.equal(stripListMarker('ক্রমিক নং'), 'ক্রমিক নং');
  assert.equal(stripListMarker('e-mail করুন'), 'e-mail করুন');
  assert.equal(stripListMarker('১.'), '১.');
  assert.equal(hasListMarker('জাতীয় পরিচয়পত্র'), false);
  assert.equal(hasListMarker('(২) জাতীয় পরিচয়পত্র'), true);
});
