import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBySuffix, hostKeys } from './hostKey.ts';
import { SEARCH_ENGINE_HOSTS } from './matomoLists.ts';
import { searchEngineOfReferrer } from './searchEngines.ts';

const NO_PARAMS = new URLSearchParams();
const entries = Object.entries(SEARCH_ENGINE_HOSTS).flatMap(([name, hosts]) => hosts.split(' ').map((host) => ({ name, host })));
const countryEntries = entries.filter(({ host }) => host.includes('{}') && !host.includes('?'));
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
// `ww.` is a same-site prefix (www. misspelt, hostKey.ts), and no country has the code WW.
const country = fc.tuple(letter, letter).map(([a, b]) => a + b).filter((code) => code !== 'ww');

describe('hostKey', () => {
  it.each([
    ['www.google.co.jp', 'google.co.jp', 'google.{}'],
    ['yandex.com.tr', 'yandex.com.tr', 'yandex.{}'],
    ['de.search.yahoo.com', 'de.search.yahoo.com', '{}.search.yahoo.com'],
    ['m.search.naver.com', 'search.naver.com', 'search.naver.com'],
    ['www.so.com', 'so.com', 'so.com'],
    ['m.sm.cn', 'sm.cn', 'sm.{}'],
    ['images.uk.ask.com', 'images.uk.ask.com', 'images.{}.ask.com'],
  ])('%s is %s, country pattern %s', (host, bare, pattern) => {
    expect(hostKeys(host)).toEqual({ bare, pattern });
  });

  it('walks a host up to its two-label domain', () => {
    const walk = (host: string) => {
      const seen: string[] = [];
      findBySuffix(host, (suffix) => void seen.push(suffix));
      return seen;
    };
    expect(walk('a.old.reddit.com')).toEqual(['a.old.reddit.com', 'old.reddit.com', 'reddit.com']);
    expect(walk('t.co')).toEqual(['t.co']);
    expect(findBySuffix('l.facebook.com', (suffix) => (suffix === 'facebook.com' ? suffix.length : undefined))).toBe(12);
  });
});

describe('searchEngineOfReferrer', () => {
  it('finds every host of the imported table under its engine', () => {
    for (const { name, host } of entries) {
      if (host.includes('{}') || host.includes('?')) continue;
      expect(searchEngineOfReferrer(hostKeys(host), NO_PARAMS), host).toBe(name);
    }
  });

  it('expands every {} of the table to any country code, with or without www. and a second level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...countryEntries), country, fc.constantFrom('', 'co.', 'com.'), fc.constantFrom('', 'www.', 'm.'), ({ name, host }, code, second, prefix) => {
        const real = host.endsWith('.{}') ? host.replace(/\{\}$/, second + code) : host.replace('{}', code);
        expect(searchEngineOfReferrer(hostKeys(prefix + real), NO_PARAMS)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('asks a keyword parameter of general sites with a search box', () => {
    expect(searchEngineOfReferrer(hostKeys('www.cnn.com'), NO_PARAMS)).toBeUndefined();
    expect(searchEngineOfReferrer(hostKeys('www.cnn.com'), new URLSearchParams('query=shirt'))).toBe('google');
    expect(searchEngineOfReferrer(hostKeys('digg.com'), new URLSearchParams('s='))).toBeUndefined();
  });

  it('answers nothing or a name in the search_engine alphabet (written byte-exact to CSV) for any host and query', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webQueryParameters(), (host, query) => {
        const engine = searchEngineOfReferrer(hostKeys(host), new URLSearchParams(query));
        expect(engine === undefined || /^[a-z0-9][a-z0-9.-]*$/.test(engine)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves unknown hosts and Google products that are no search alone', () => {
    for (const host of ['docs.google.com', 'play.google.com', 'shop.example', 'google.example.com', 'mail.ru']) {
      expect(searchEngineOfReferrer(hostKeys(host), NO_PARAMS), host).toBeUndefined();
    }
  });
});
