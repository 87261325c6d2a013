import { validateEvent } from '@waymark/schema';
import { expect, test } from 'vitest';
import { shopifyCart, shopifyProduct } from '../fixtures/shopify.ts';
import { capturingChromium } from './capturingChromium.ts';
import { shopPage } from './pages.ts';

const stage = capturingChromium();

const byType = (type: string) => stage.server.events().filter((event) => event.type == type);

test('waymark.js on a Shopify product page, add to cart, cart page, leave', async () => {
  stage.server.route('/products/blue-shirt', { body: shopPage(shopifyProduct, `<script>waymark('identify', 'customer-7')</script>`) });
  stage.server.route('/cart/add', { status: 303, headers: { Location: '/cart' }, body: '' });
  stage.server.route('/cart', { body: shopPage(shopifyCart) });
  const page = await stage.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${stage.server.url}/products/blue-shirt?variant=41002&utm_source=google&utm_medium=cpc&gclid=xyz`);
  await stage.server.waitFor((events) => events.some((event) => event.type == 'product_view'));
  await page.click('button[name=add]');
  await page.waitForURL(`${stage.server.url}/cart`);
  await stage.server.waitFor((events) => events.some((event) => event.type == 'cart_view'));
  await page.close({ runBeforeUnload: true });
  await stage.server.waitFor((events) => events.some((event) => event.type == 'web_vitals'));

  expect(errors).toEqual([]);
  const events = stage.server.events();
  for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
  expect(stage.server.batches.every((batch) => batch.headers['content-type']?.startsWith('text/plain') && batch.status == 202)).toBe(true);
  expect(byType('landing')).toHaveLength(1);
  expect(byType('landing')[0]).toMatchObject({ props: { campaign: { source: 'google', medium: 'cpc' } } });
  expect(byType('product_view')[0]!.props?.product).toEqual({ id: 'BS-M', name: 'Blue shirt', price: 21.99, currency: 'EUR', brand: 'Acme', category: 'Shirts', variant: 'M' });
  expect(byType('cart_add')).toHaveLength(1);
  expect(byType('cart_add')[0]!.props?.product).toMatchObject({ id: 'BS-M', price: 21.99, quantity: 1 });
  expect(byType('cart_view')).toHaveLength(1);
  expect(byType('web_vitals')[0]!.props).toMatchObject({ page_type: expect.stringMatching(/product_view|cart_view/) });
  expect(events.every((event) => event.user == 'customer-7' && event.anon?.startsWith('a_'))).toBe(true);
  expect(new Set(events.map((event) => event.session)).size).toBe(1);
});

test('a dead collector costs the page nothing; the queue is sent when it is back', async () => {
  stage.server.route('/dead', { body: shopPage({ html: '<!doctype html><html><head></head><body><h1>About</h1></body></html>' }) });
  stage.server.answer(503);
  const page = await stage.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const before = stage.server.events().length;
  await page.goto(`${stage.server.url}/dead`);
  while (!stage.server.batches.some((batch) => batch.status == 503)) await new Promise((resolve) => setTimeout(resolve, 50));
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('wm_q_wm_test.') && localStorage.getItem(key)!.includes('page_view')));
  stage.server.answer(202, {}, 0);
  await page.evaluate(() => localStorage.removeItem('wm_r'));
  await page.reload();
  await stage.server.waitFor((events) => events.length > before && events.some((event) => event.url.endsWith('/dead') && event.type == 'page_view'));
  expect(errors).toEqual([]);
  await page.close();
});
