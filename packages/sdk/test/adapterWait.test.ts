import { expect, test } from 'vitest';
import { createWaymark } from '../src/core/waymark.ts';
import { byType, flushPromises, loadPage, recordFetch } from './helpers.ts';

const PAGE = '<!doctype html><html><head></head><body><h1>Mug</h1></body></html>';
const ADD = { event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 12, items: [{ item_id: 'MUG-1', item_name: 'Mug', price: 12, quantity: 1 }] } };

/** The SDK with the platform named and an adapter that never arrives; `requested` lists what was fetched. */
function start() {
  const requested: string[] = [];
  const never = () => new Promise<never>(() => {});
  const waymark = createWaymark({ site: 'wm_test', endpoint: 'https://collector.test', platform: 'shopify' }, never, never, (name) => {
    requested.push(name);
    return never();
  });
  return { waymark, requested };
}

test('the adapter is fetched once the page is idle, not as the script starts', async () => {
  loadPage('https://shop.test/products/mug', PAGE);
  recordFetch();
  const { waymark, requested } = start();
  expect(requested).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(requested).toEqual(['shopify']);
  waymark.shutdown();
});

test('an add to cart made while the adapter is on its way is still sent when the page is left before it arrives', async () => {
  loadPage('https://shop.test/products/mug', PAGE, { dataLayer: [] });
  const { events } = recordFetch();
  const { waymark } = start();
  (window as any).dataLayer.push(ADD);
  waymark.shutdown();
  await flushPromises();
  const [add, ...more] = byType(events(), 'cart_add');
  expect(more).toEqual([]);
  expect(add?.props?.product).toMatchObject({ id: 'MUG-1', price: 12, currency: 'EUR' });
});
