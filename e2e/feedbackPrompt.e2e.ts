import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the example shop is plain JavaScript
import { FEEDBACK_PROMPTS } from '../examples/static-shop/feedbackPrompts.mjs';
import { waitForEvents } from './lib/exportedEvents.ts';
import { startStack, type Stack } from './lib/startStack.ts';

/** A shopper buys the Oxford shirt and lands on the thank-you page. */
async function placeOrder(stack: Stack, page: Page) {
  await page.goto(`${stack.shop}/products/oxford-shirt`);
  await page.click('button.add-to-cart');
  await page.waitForURL('**/cart');
  await page.click('a.checkout');
  await page.waitForURL('**/checkout');
  for (const step of ['shipping', 'payment', 'thank_you']) {
    await page.click('button.continue');
    await page.waitForURL(`**/checkout/${step}**`);
  }
}

const dialog = (page: Page) => page.locator('waymark-prompt >> [role=dialog]');

describe("the example shops' feedback prompt on their thank-you pages, in Chromium, stored in D1", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ spa: true });
    const response = await fetch(`${stack.collector}/v1/admin/sites/${stack.site}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompts: FEEDBACK_PROMPTS }),
    });
    expect(response.status, await response.text()).toBe(200);
  });
  afterAll(() => stack?.stop());

  it('is answered with the keyboard only: arrows to rate, Tab to the comment and Send, Enter', async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    const chunk: string[] = [];
    page.on('request', (request) => request.url().endsWith('/waymark-prompt.js') && chunk.push(request.url()));
    await placeOrder(stack, page);
    expect(chunk).toEqual([]);
    await dialog(page).waitFor({ state: 'visible' });
    expect(chunk).toHaveLength(1);
    expect(await dialog(page).getAttribute('aria-labelledby')).toBe('q');
    expect(await page.locator('waymark-prompt >> #q').textContent()).toBe(FEEDBACK_PROMPTS[0].question.default);
    // Focus is on the first rating: four steps right is 5, one back is 4.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Smooth. <b>Mail me</b> at jane.doe@mail.example');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    const visitor = await page.evaluate(() => localStorage.getItem('wm_a'));
    // The same thank-you page again: asked once, never twice.
    await page.reload();
    await page.waitForTimeout(2500);
    expect(await page.locator('waymark-prompt').count()).toBe(0);
    await page.close();
    await context.close();

    const rows = await waitForEvents(stack.events, (all) => all.some((e) => e.visitor === visitor && e.type === 'feedback'));
    const mine = rows.filter((e) => e.visitor === visitor && /^feedback/.test(e.type));
    expect(mine.map((e) => [e.type, e.stage, e.props])).toEqual([
      ['feedback_prompt', 'purchase', { prompt: 'after_order', about: 'purchase', action: 'shown' }],
      ['feedback', 'purchase', { rating: 4, comment: 'Smooth. <b>Mail me</b> at redacted', about: 'purchase', prompt: 'after_order' }],
    ]);
  });

  it('is dismissed with Esc, and the dismissal is stored under its stage', async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    await placeOrder(stack, page);
    await dialog(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    const visitor = await page.evaluate(() => localStorage.getItem('wm_a'));
    await page.close();
    await context.close();

    const rows = await waitForEvents(stack.events, (all) => all.some((e) => e.visitor === visitor && e.props?.action === 'dismissed'));
    const mine = rows.filter((e) => e.visitor === visitor && /^feedback/.test(e.type));
    expect(mine.map((e) => [e.type, e.stage, e.props?.action])).toEqual([
      ['feedback_prompt', 'purchase', 'shown'],
      ['feedback_prompt', 'purchase', 'dismissed'],
    ]);
  });

  it('SPA shop (npm init()): the widget is fetched from the collector and shown after the History API route to the thank-you page', async () => {
    const context = await stack.newVisitor();
    const page = await context.newPage();
    const chunk: string[] = [];
    page.on('request', (request) => request.url().endsWith('/waymark-prompt.js') && chunk.push(request.url()));
    await page.goto(`${stack.spa}/collections/shirts`);
    await page.click('text=Flannel shirt');
    await page.waitForSelector('h1.product-title');
    await page.click('#add-to-cart');
    await page.click('text=Cart');
    await page.click('#checkout');
    await page.click('#to-shipping');
    await page.click('#to-payment');
    await page.click('#pay');
    await page.waitForSelector('.order-number');
    await dialog(page).waitFor({ state: 'visible' });
    expect(chunk).toEqual([`${stack.proxy.url}/waymark-prompt.js`]);
    await page.locator('waymark-prompt >> input[value="5"]').check();
    await page.locator('waymark-prompt >> button:not([type])').click();
    const visitor = await page.evaluate(() => localStorage.getItem('wm_a'));
    await page.close();
    await context.close();
    const rows = await waitForEvents(stack.events, (all) => all.some((e) => e.visitor === visitor && e.type === 'feedback'));
    expect(rows.find((e) => e.visitor === visitor && e.type === 'feedback')).toMatchObject({ stage: 'purchase', props: { rating: 5, prompt: 'after_order' } });
  });
});
