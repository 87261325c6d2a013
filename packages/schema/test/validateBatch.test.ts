import { describe, expect, it } from 'vitest';
import { validateBatch } from '../src/index.ts';

const event = (id: string) => ({ id, type: 'page_view', ts: 1, url: 'https://s.example/', session: 's1' });

describe('validateBatch', () => {
  it.each([
    ['a string', 'hello', /body must be a JSON object/],
    ['an array', [], /body must be a JSON object/],
    ['no site', { events: [event('aaaaaaaa')] }, /site is required/],
    ['no events', { site: 'wm_x' }, /events is required/],
    ['0 events', { site: 'wm_x', events: [] }, /1 to 100 events, not 0/],
    ['101 events', { site: 'wm_x', events: Array.from({ length: 101 }, (_, i) => event(`evt_${i}xxxxx`)) }, /not 101/],
    ['a string sent_at', { site: 'wm_x', sent_at: 'now', events: [event('aaaaaaaa')] }, /sent_at/],
    ['a sent_at past any Date', { site: 'wm_x', sent_at: 1e300, events: [event('aaaaaaaa')] }, /sent_at/],
  ])('fails the envelope for %s', (_name, body, error) => {
    const check = validateBatch(body);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(error);
  });

  it('refuses an event more than a year older than the batch, and keeps its neighbours', () => {
    const sentAt = Date.UTC(2026, 10, 23);
    const check = validateBatch({ site: 'wm_x', sent_at: sentAt, events: [{ ...event('old_event'), ts: 1 }, { ...event('new_event'), ts: sentAt - 86_400_000 }] });
    expect(check.ok && check.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/more than a year before sent_at/) }]);
    expect(check.ok && check.events.map((e) => e.event.id)).toEqual(['new_event']);
  });

  it('keeps valid neighbours of a rejected event and says which index failed', () => {
    const check = validateBatch({ site: 'wm_x', sent_at: 5, events: [event('aaaaaaaa'), { id: 'no' }, event('bbbbbbbb')] });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.events.map((e) => e.index)).toEqual([0, 2]);
    expect(check.rejected).toEqual([{ index: 1, reason: expect.stringMatching(/^id /) }]);
  });
});
