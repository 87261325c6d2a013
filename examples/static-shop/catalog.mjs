/** The shop's products: what a theme's templates would read from the platform. */
export const PRODUCTS = {
  'oxford-shirt': { sku: 'SHIRT-OX-01', name: 'Oxford shirt', price: 49.9, brand: 'Harbour & Co', category: 'Shirts', image: '/assets/oxford.svg', description: 'A button-down Oxford shirt in heavy cotton.' },
  'linen-shirt': { sku: 'SHIRT-LN-02', name: 'Linen shirt', price: 59.0, brand: 'Harbour & Co', category: 'Shirts', image: '/assets/linen.svg', description: 'A breezy linen shirt for summer.' },
  'chino-trousers': { sku: 'TRS-CH-03', name: 'Chino trousers', price: 69.5, brand: 'Fieldwork', category: 'Trousers', image: '/assets/chino.svg', description: 'Slim chinos in stretch twill.' },
  'wool-socks': { sku: 'SCK-WL-04', name: 'Wool socks', price: 12.0, brand: 'Fieldwork', category: 'Accessories', image: '/assets/socks.svg', description: 'Merino socks, two pairs.' },
};
export const CURRENCY = 'EUR';
export const SHIPPING = 4.95;
