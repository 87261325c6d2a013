import type { AdapterFactory } from '../src/core/adapter.ts';
import { bigcommerce } from '../src/platforms/bigcommerce.ts';
import { magento } from '../src/platforms/magento.ts';
import { opencart } from '../src/platforms/opencart.ts';
import { prestashop } from '../src/platforms/prestashop.ts';
import { sfra } from '../src/platforms/sfra.ts';
import { shopify } from '../src/platforms/shopify.ts';
import { shopware } from '../src/platforms/shopware.ts';
import { woocommerce } from '../src/platforms/woocommerce.ts';

/** Every platform adapter, by its name (what the sniff answers and `init({ platform })` takes). */
export const PLATFORMS: Record<string, AdapterFactory> = { shopify, woocommerce, magento, bigcommerce, prestashop, shopware, opencart, sfra };
