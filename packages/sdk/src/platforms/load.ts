import type { AdapterFactory } from '../core/adapter.ts';

/** Each adapter as a dynamic import: an app's bundler makes a chunk of each, fetched only on its platform. */
const CHUNKS: Record<string, () => Promise<Record<string, AdapterFactory>>> = {
  shopify: () => import('./shopify.ts'),
  woocommerce: () => import('./woocommerce.ts'),
  magento: () => import('./magento.ts'),
  bigcommerce: () => import('./bigcommerce.ts'),
  prestashop: () => import('./prestashop.ts'),
  shopware: () => import('./shopware.ts'),
  opencart: () => import('./opencart.ts'),
  sfra: () => import('./sfra.ts'),
};

/** The adapter of a platform by its name, imported when asked for. */
export const importAdapter = async (name: string): Promise<AdapterFactory | undefined> => (await CHUNKS[name]?.())?.[name];
