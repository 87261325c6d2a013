import { validateEvent } from '@waymark/schema';
import { expect, test } from 'vitest';
import { lumaProduct } from '../fixtures/realMagentoPrestaShop.ts';
import { wooBlockCategory } from '../fixtures/realWooBigCommerce.ts';
import { capturingChromium } from './capturingChromium.ts';
import { shopPage } from './pages.ts';

// What happy-dom cannot vouch for: the built script in Chromium, with the platforms' own
// ways of posting (a form built and `submit()`ted by script, then a navigation; a Store API
// batch by fetch; a submit handler that re-submits its form).

const stage = capturingChromium();

async function visit(path: string) {
  const page = await stage.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(stage.server.url + path);
  return { page, errors };
}

const ofType = (type: string) => stage.server.events().filter((event) => event.type == type);

test("Magento's data-post wish-list link: a form submit()ted by script, then the navigation", async () => {
  stage.server.route('/joust-duffle-bag.html', { body: shopPage(lumaProduct) });
  stage.server.route('/wishlist/index/add/', { status: 303, headers: { Location: '/wishlist/' }, body: '' });
  stage.server.route('/wishlist/', { body: shopPage({ html: '<!doctype html><html><head></head><body><h1>My Wish List</h1></body></html>' }) });
  const { page, errors } = await visit('/joust-duffle-bag.html');
  await stage.server.waitFor((events) => events.some((event) => event.type == 'product_view'));
  // lib/web/mage/dataPost.js: a form from the link's data-post, appended, submit()ted.
  await page.evaluate(() => {
    const params = JSON.parse(document.querySelector('a.towishlist')!.getAttribute('data-post')!);
    const form = document.createElement('form');
    form.action = location.origin + new URL(params.action).pathname;
    form.method = 'post';
    for (const [name, value] of Object.entries({ ...params.data, form_key: 'Kq2dfTzQyX0s3aZR' })) {
      const input = document.createElement('input');
      input.name = name;
      input.value = String(value);
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  });
  await page.waitForURL('**/wishlist/');
  await stage.server.waitFor((events) => events.some((event) => event.type == 'wishlist_add'));
  expect(errors).toEqual([]);
  expect(ofType('wishlist_add')).toHaveLength(1);
  expect(ofType('wishlist_add')[0]!.props?.product).toMatchObject({ id: '24-MB01', name: 'Joust Duffle Bag', price: 34 });
  await page.close();
});

test("WooCommerce's block Product Button: the Store API batch, by fetch", async () => {
  stage.server.route('/shop/', { body: shopPage(wooBlockCategory) });
  stage.server.route('/wp-json/wc/store/v1/batch', { body: '{"responses":[]}', type: 'application/json' });
  const { page, errors } = await visit('/shop/');
  await page.evaluate(() =>
    fetch('/wp-json/wc/store/v1/batch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Nonce: 'a1b2c3d4e5' },
      body: JSON.stringify({ requests: [{ path: '/wc/store/v1/cart/add-item', method: 'POST', body: { id: 70, quantity: 1 } }] }),
    }),
  );
  await stage.server.waitFor((events) => events.some((event) => event.type == 'cart_add'));
  expect(errors).toEqual([]);
  expect(ofType('cart_add')[0]!.props?.product).toMatchObject({ id: '70', quantity: 1 });
  await page.close();
});

test('a newsletter form its own submit handler re-submits (jQuery Validation) is one sign-up, and no address leaves', async () => {
  stage.server.route('/about', {
    body: shopPage({
      html: `<!doctype html><html><head></head><body><form class="newsletter" action="/newsletter/subscriber/new/" method="post">
<input type="email" name="email" value="jane.doe@example.com"><button>Subscribe</button></form>
<script>document.querySelector('form').addEventListener('submit', function (event) { event.preventDefault(); this.submit(); });</script></body></html>`,
    }),
  });
  stage.server.route('/newsletter/subscriber/new/', { status: 303, headers: { Location: '/thanks' }, body: '' });
  stage.server.route('/thanks', { body: shopPage({ html: '<!doctype html><html><head></head><body><h1>Thank you</h1></body></html>' }) });
  const { page, errors } = await visit('/about');
  await page.click('button');
  await page.waitForURL('**/thanks');
  await stage.server.waitFor((events) => events.some((event) => event.type == 'newsletter_signup') && events.some((event) => event.url.endsWith('/thanks')));
  expect(errors).toEqual([]);
  expect(ofType('newsletter_signup')).toHaveLength(1);
  for (const event of stage.server.events()) expect(validateEvent(event)).toMatchObject({ ok: true });
  expect(JSON.stringify(stage.server.events())).not.toContain('jane.doe');
  await page.close();
});
