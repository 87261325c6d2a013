import fc from 'fast-check';
import { expect, test } from 'vitest';
import { utf8Bytes } from '../src/lib/utf8Bytes.ts';

test('the UTF-8 size of any text, ASCII or not, is what the body limit counts (the encoder’s)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
      expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
    }),
  );
  expect(utf8Bytes('{"name":"Café"}')).toBe(16);
});
