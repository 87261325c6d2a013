export interface Product {
  handle: string;
  sku: string;
  name: string;
  price: number;
  brand: string;
  category: string;
}

export const CURRENCY = 'USD';

export const PRODUCTS: Product[] = [
  { handle: 'rain-jacket', sku: 'JKT-RN-10', name: 'Rain jacket', price: 129, brand: 'Tidewater', category: 'Jackets' },
  { handle: 'flannel-shirt', sku: 'SHT-FL-11', name: 'Flannel shirt', price: 58, brand: 'Tidewater', category: 'Shirts' },
  { handle: 'denim-shirt', sku: 'SHT-DN-12', name: 'Denim shirt', price: 64, brand: 'Northbound', category: 'Shirts' },
];

export const byHandle = (handle: string) => PRODUCTS.find((p) => p.handle === handle);
