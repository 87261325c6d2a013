import { afterEach, describe, expect, test, vi } from 'vitest';
import { storage } from '../src/core/delivery/storage.ts';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('storage full', () => {
  test('a write over the quota keeps the value in memory, and drops the stale stored one', () => {
    const store = storage('localStorage');
    store.set('wm_x', 'old');
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    store.set('wm_x', 'new');
    expect(store.get('wm_x')).toBe('new');
    expect(localStorage.getItem('wm_x')).toBeNull();
    setItem.mockRestore();
    store.set('wm_x', 'saved');
    expect(localStorage.getItem('wm_x')).toBe('saved');
    expect(store.get('wm_x')).toBe('saved');
  });
});
