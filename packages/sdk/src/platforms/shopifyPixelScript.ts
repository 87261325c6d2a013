import { shopifyPixel, type ShopifyPixelApi } from './shopifyPixel.ts';

// What the shop pastes above this file's contents in its custom pixel, and what Shopify
// gives every custom pixel.
declare const WAYMARK: { site: string; endpoint: string };
declare const analytics: ShopifyPixelApi['analytics'];
declare const browser: ShopifyPixelApi['browser'];

/**
 * The Shopify custom pixel (`waymark-shopify-pixel.js`): pasted into Settings → Customer
 * events → Add custom pixel, after `const WAYMARK = { site: 'wm_…', endpoint: 'https://collector.example' };`.
 */
shopifyPixel(WAYMARK, { analytics, browser });
