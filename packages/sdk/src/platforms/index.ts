import type { AdapterFactory } from '../core/adapter.ts';
import { bigcommerce } from './bigcommerce.ts';
import { magento } from './magento.ts';
import { opencart } from './opencart.ts';
import { prestashop } from './prestashop.ts';
import { sfra } from './sfra.ts';
import { shopify } from './shopify.ts';
import { shopware } from './shopware.ts';
import { woocommerce } from './woocommerce.ts';

/** Every platform adapter, by the name `init({ platform })` and `waymark.<platform>.js` use. */
export const PLATFORMS: Record<string, AdapterFactory> = { shopify, woocommerce, magento, bigcommerce, prestashop, shopware, opencart, sfra };
