import { describe, expect, it } from 'vitest';
import { classifyChannel } from './classifyChannel.ts';
import corpus from './referrerCorpus.json';

interface CorpusCase {
  referrer: string;
  channel: string;
  search_engine?: string;
  landing?: string;
}

const LANDING = 'https://shop.example/products/blue-shirt';
const cases = corpus.cases as CorpusCase[];

describe('landing channels of a corpus of real referrers', () => {
  it('holds at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases)('$referrer → $channel $search_engine', ({ referrer, channel, search_engine, landing }) => {
    const expected = search_engine ? { channel, searchEngine: search_engine } : { channel };
    expect(classifyChannel(landing ?? LANDING, referrer)).toEqual(expected);
  });
});
