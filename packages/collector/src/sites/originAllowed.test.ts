import { describe, expect, it } from 'vitest';
import { originAllowed } from './originAllowed.ts';

describe('originAllowed', () => {
  const allowed = ['https://shop.example', 'https://*.shop.example', 'http://localhost:5173'];
  it.each([
    ['https://shop.example', true],
    ['https://SHOP.example', true],
    ['https://de.shop.example', true],
    ['https://a.b.shop.example', true],
    ['http://shop.example', false],
    ['https://evilshop.example', false],
    ['https://shop.example.evil.example', false],
    ['http://localhost:5173', true],
    ['http://localhost:5174', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (origin, expected) => {
    expect(originAllowed(origin, allowed)).toBe(expected);
  });

  it('lets any http(s) origin in with *', () => {
    expect(originAllowed('https://anything.example', ['*'])).toBe(true);
    expect(originAllowed('null', ['*'])).toBe(true);
  });

  it('lets the opaque origin of sandboxed iframes (Shopify custom pixels) in only when "null" is listed', () => {
    expect(originAllowed('null', [...allowed, 'null'])).toBe(true);
    expect(originAllowed('https://evil.example', [...allowed, 'null'])).toBe(false);
  });
});
