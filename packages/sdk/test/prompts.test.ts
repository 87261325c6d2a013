import type { WireEvent } from '@waymark/schema';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Waymark } from '../src/core/options.ts';
import { storage } from '../src/core/delivery/storage.ts';
import { duePrompts, sampled } from '../src/prompts/duePrompt.ts';
import type { PromptConfig } from '../src/prompts/promptConfig.ts';
import { showPrompt } from '../src/prompts/promptWidget.ts';
import { createWaymark } from '../src/core/waymark.ts';
import { accept, flushPromises, loadPage } from './helpers.ts';

const AFTER_ORDER: PromptConfig = {
  id: 'after_order',
  about: 'purchase',
  on: 'order_complete',
  path: '^\\/checkout\\/thank_you.*$',
  question: { default: 'How easy was it to order?', fr: 'Était-ce facile de commander ?', 'pt-br': 'Foi fácil comprar?' },
  comment: true,
  sample: 1,
  delay_ms: 0,
};
const SEARCH: PromptConfig = { id: 'search', about: 'consideration', on: 'site_search', question: { default: 'Did you find it?' }, comment: false, sample: 1, delay_ms: 0 };
const DAY = 864e5;
const ORDER = { order_id: '1001', revenue: 59.9, currency: 'EUR' };
const blank = (lang = 'en') => `<!doctype html><html lang="${lang}"><head></head><body><h1>Shop</h1><input id="search"></body></html>`;
const widget = () => document.querySelector('waymark-prompt');
const inWidget = <T extends Element>(selector: string) => widget()!.shadowRoot!.querySelector<T>(selector)!;

/**
 * The SDK on the current page against a stand-in collector that serves `prompts` as the
 * site's config; the prompt chunk is the real widget, loaded through `load`.
 */
function start(prompts: PromptConfig[], options: { consent?: 'required'; cookieless?: boolean } = {}) {
  const configRequests: string[] = [];
  const events: WireEvent[] = [];
  const collector = vi.fn(async (url: string, request?: RequestInit) => {
    if (url.includes('/config')) {
      configRequests.push(url);
      return new Response(JSON.stringify({ prompts }));
    }
    const batch = JSON.parse(String(request?.body));
    events.push(...batch.events);
    return accept(batch);
  });
  // It stands for the browser's own fetch, which the SDK's delivery prefers to a page's wrapper.
  collector.toString = () => 'function fetch() { [native code] }';
  vi.stubGlobal('fetch', collector);
  const load = vi.fn(async () => showPrompt);
  const waymark: Waymark = createWaymark({ site: 'wm_test', endpoint: 'https://collector.test', autocapture: false, ...options }, () => new Promise(() => {}), load);
  const sent = async () => {
    await waymark.flush();
    return events;
  };
  return { waymark, load, configRequests, sent };
}

/** Goes to `url` in the same tab: storage (the visit, the caps) stays. */
function navigate(url: string, lang = 'en') {
  document.querySelectorAll('waymark-prompt').forEach((host) => host.remove());
  (window as any).happyDOM.setURL(url);
  document.documentElement.lang = lang;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.querySelectorAll('waymark-prompt').forEach((host) => host.remove());
});

describe('a feedback prompt after its touchpoint', () => {
  test('is shown on the thank-you page, and the answer is a feedback about its stage, e-mails scrubbed', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const { waymark, load, sent } = start([SEARCH, AFTER_ORDER]);
    waymark.page('order_complete', ORDER);
    await vi.waitFor(() => expect(widget()).not.toBeNull());
    expect(load).toHaveBeenCalledTimes(1);
    inWidget<HTMLInputElement>('input[value="4"]').click();
    inWidget<HTMLTextAreaElement>('textarea').value = ' Quick. Call me: jane@mail.example ';
    inWidget<HTMLFormElement>('form').requestSubmit();
    expect(widget()).toBeNull();
    const events = await sent();
    expect(events.filter((e) => /^feedback/.test(e.type)).map((e) => [e.type, e.props])).toEqual([
      ['feedback_prompt', { prompt: 'after_order', about: 'purchase', action: 'shown' }],
      ['feedback', { rating: 4, comment: 'Quick. Call me: redacted', about: 'purchase', prompt: 'after_order' }],
    ]);
    waymark.shutdown();
  });

  test('does nothing, and loads no chunk, on other touchpoints or paths; the config is fetched once per visit', async () => {
    loadPage('https://shop.example/order/1001/confirmed', blank());
    let tab = start([AFTER_ORDER]);
    tab.waymark.page('order_complete', ORDER);
    tab.waymark.page('product_view', { product: { id: 'SKU-1' } });
    // Released once storage may be touched: here, when asked to send.
    await tab.waymark.flush();
    await flushPromises();
    tab.waymark.shutdown();
    navigate('https://shop.example/products/sku-1');
    const configRequests = tab.configRequests;
    tab = start([AFTER_ORDER]);
    tab.waymark.page('product_view', { product: { id: 'SKU-1' } });
    // Released once storage may be touched: here, when asked to send.
    await tab.waymark.flush();
    await flushPromises();
    expect(widget()).toBeNull();
    expect(tab.load).not.toHaveBeenCalled();
    expect([...configRequests, ...tab.configRequests]).toEqual(['https://collector.test/v1/sites/wm_test/config']);
    tab.waymark.shutdown();

    // A new visit (30 minutes later) reads the config again.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31 * 60_000);
    tab = start([AFTER_ORDER]);
    tab.waymark.page('product_view', { product: { id: 'SKU-1' } });
    // Released once storage may be touched: here, when asked to send.
    await tab.waymark.flush();
    await flushPromises();
    expect(tab.configRequests).toHaveLength(1);
    tab.waymark.shutdown();
  });

  test('never on a checkout step or a payment page, whatever the prompt says', async () => {
    const anywhere = { ...SEARCH, id: 'anywhere', on: 'page_view' };
    for (const url of ['https://shop.example/checkout/payment', 'https://shop.example/pay/42', 'https://shop.example/de/zahlung']) {
      loadPage(url, blank());
      const { waymark, load } = start([anywhere]);
      waymark.page('checkout_step', { step: 'payment' });
      waymark.page();
      await flushPromises();
      await flushPromises();
      expect(load, url).not.toHaveBeenCalled();
      waymark.shutdown();
    }
  });

  test('nothing before consent where consent is required: no config request, no prompt; after consent, it may ask', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const { waymark, load, configRequests } = start([AFTER_ORDER], { consent: 'required' });
    waymark.page('order_complete', ORDER);
    await flushPromises();
    expect(configRequests).toEqual([]);
    expect(load).not.toHaveBeenCalled();
    waymark.consent(true);
    await vi.waitFor(() => expect(widget()).not.toBeNull());
    waymark.shutdown();
  });

  test('never in cookieless mode: its caps would need a persistent visitor', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const { waymark, configRequests } = start([AFTER_ORDER], { cookieless: true });
    waymark.page('order_complete', ORDER);
    await flushPromises();
    expect(configRequests).toEqual([]);
    waymark.shutdown();
  });
});

describe('caps and sampling', () => {
  const visitor = (anon: string, session = 's_1') => ({ id: 'e_12345678', type: 'order_complete', ts: 1, url: 'https://shop.example/', session, anon }) as WireEvent;
  const asker = (prompts: PromptConfig[]) => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ prompts })));
    const show = vi.fn();
    const ask = duePrompts('wm_test', 'https://collector.test', storage('localStorage'), async () => show, () => {});
    return { ask, show };
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) await flushPromises();
  };

  test('one prompt per visitor per 7 days, each prompt once per 90 days, answered or dismissed', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    const other = { ...AFTER_ORDER, id: 'after_order_2' };
    const { ask, show } = asker([AFTER_ORDER, other]);
    const at = async (days: number) => {
      clock.mockReturnValue(now + days * DAY);
      ask(visitor('a_1', `s_${days}`), 'order_complete');
      await settle();
      return show.mock.calls.at(-1)?.[0]?.id;
    };
    expect(await at(0)).toBe('after_order');
    expect(show).toHaveBeenCalledTimes(1);
    await at(6.9);
    expect(show).toHaveBeenCalledTimes(1);
    expect(await at(7.1)).toBe('after_order_2');
    await at(60);
    expect(show).toHaveBeenCalledTimes(2);
    expect(await at(90.5)).toBe('after_order');
    expect(show).toHaveBeenCalledTimes(3);
  });

  test('the sample is stable per visitor and prompt, and asks its share of visitors', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const draw = sampled(text);
        return draw >= 0 && draw < 1 && draw === sampled(text);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.string({ minLength: 1, maxLength: 12 }), (share, prompt) => {
        const asked = Array.from({ length: 4000 }, (_, i) => sampled(`a_${i} ${prompt}`) < share).filter(Boolean).length / 4000;
        return Math.abs(asked - share) < 0.04;
      }),
      { numRuns: 30 },
    );
  });

  test('a visitor sampled out is not asked, and no chunk is loaded', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const half = { ...AFTER_ORDER, sample: 0.5 };
    const outside = Array.from({ length: 100 }, (_, i) => `a_${i}`).find((anon) => sampled(`${anon} after_order`) >= 0.5)!;
    const inside = Array.from({ length: 100 }, (_, i) => `a_${i}`).find((anon) => sampled(`${anon} after_order`) < 0.5)!;
    const { ask, show } = asker([half]);
    ask(visitor(outside), 'order_complete');
    await settle();
    expect(show).not.toHaveBeenCalled();
    ask(visitor(inside, 's_2'), 'order_complete');
    await settle();
    expect(show).toHaveBeenCalledTimes(1);
  });

  test('a failing config request counts as no prompts for the visit, never an error in the page', async () => {
    loadPage('https://shop.example/checkout/thank_you', blank());
    const fetch = vi.fn(async () => {
      throw new TypeError('blocked');
    });
    vi.stubGlobal('fetch', fetch);
    const show = vi.fn();
    const ask = duePrompts('wm_test', 'https://collector.test', storage('localStorage'), async () => show, () => {});
    ask(visitor('a_1'), 'order_complete');
    await settle();
    ask(visitor('a_1'), 'order_complete');
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(show).not.toHaveBeenCalled();
  });
});

describe('the widget', () => {
  const shown = (prompt: Partial<PromptConfig> = {}, lang = 'en') => {
    loadPage('https://shop.example/checkout/thank_you', blank(lang));
    const send = vi.fn();
    showPrompt({ ...AFTER_ORDER, ...prompt }, send);
    return send;
  };

  test.each([
    ['fr', 'Était-ce facile de commander ?'],
    ['fr-CA', 'Était-ce facile de commander ?'],
    ['pt-BR', 'Foi fácil comprar?'],
    ['pt', 'How easy was it to order?'],
    ['de', 'How easy was it to order?'],
    ['', 'How easy was it to order?'],
  ])('asks in the page language %j (exact, then primary, then default)', (lang, question) => {
    shown({}, lang);
    expect(inWidget('p').textContent).toBe(question);
  });

  test('a dialog named by its question, a rating radio group, texts as text nodes only', () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    const send = shown({ question: { default: hostile }, labels: { default: { send: '<i>Go</i>' } } });
    const dialog = inWidget('[role=dialog]');
    expect(dialog.getAttribute('aria-labelledby')).toBe('q');
    expect(inWidget('#q').textContent).toBe(hostile);
    expect(widget()!.shadowRoot!.querySelectorAll('img, b, i')).toHaveLength(0);
    expect(widget()!.shadowRoot!.querySelectorAll('fieldset input[type=radio]')).toHaveLength(5);
    expect(inWidget('button:not([type])').textContent).toBe('<i>Go</i>');
    expect(send).toHaveBeenCalledWith('feedback_prompt', { prompt: 'after_order', about: 'purchase', action: 'shown' });
    expect(getComputedStyle(widget()!).position).toBe('fixed');
  });

  test('takes the focus to the rating, but never from a field the shopper is typing in', () => {
    shown();
    expect(widget()!.shadowRoot!.activeElement).toBe(inWidget('input[value="1"]'));
    widget()!.remove();
    loadPage('https://shop.example/checkout/thank_you', blank());
    const field = document.querySelector<HTMLInputElement>('#search')!;
    field.focus();
    showPrompt(AFTER_ORDER, () => {});
    expect(document.activeElement).toBe(field);
  });

  test('Esc or Close dismisses it (recorded), Enter on a rating sends it, Send without a rating sends nothing', () => {
    let send = shown();
    inWidget('form').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(widget()).toBeNull();
    expect(send).toHaveBeenLastCalledWith('feedback_prompt', { prompt: 'after_order', about: 'purchase', action: 'dismissed' });

    send = shown();
    inWidget<HTMLButtonElement>('button[aria-label=Close]').click();
    expect(send).toHaveBeenLastCalledWith('feedback_prompt', { prompt: 'after_order', about: 'purchase', action: 'dismissed' });

    send = shown({ comment: false });
    expect(widget()!.shadowRoot!.querySelector('textarea')).toBeNull();
    inWidget<HTMLFormElement>('form').requestSubmit();
    expect(widget()).not.toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    const five = inWidget<HTMLInputElement>('input[value="5"]');
    five.click();
    five.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(send).toHaveBeenLastCalledWith('feedback', { rating: 5, comment: undefined, about: 'purchase', prompt: 'after_order' });
    expect(widget()).toBeNull();
  });
});
