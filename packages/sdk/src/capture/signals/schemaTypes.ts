import type { Loose } from '../../lib/toProduct.ts';

/**
 * Every subtype of https://schema.org/Product, as schema.org's hierarchy lists them:
 * ProductGroup, ProductModel, ProductCollection, IndividualProduct, SomeProducts,
 * DietarySupplement, Drug, and https://schema.org/Vehicle with its own (Car, Motorcycle,
 * MotorizedBicycle, BusOrCoach).
 */
const PRODUCTS = /^(?:Product(?:Group|Model|Collection)?|IndividualProduct|SomeProducts|DietarySupplement|Drug|Vehicle|Car|Motor(?:cycle|izedBicycle)|BusOrCoach)$/;

/**
 * The https://schema.org/CreativeWork subtypes shops sell (Book and its Audiobook, Movie,
 * MusicAlbum, MusicRecording, VideoGame, Course, SoftwareApplication and its Mobile/Web
 * kinds, VisualArtwork): a product when it carries an `Offer` (https://schema.org/offers).
 */
const SOLD_WORKS = /^(?:Book|Audiobook|Movie|Music(?:Album|Recording)|VideoGame|Course|(?:Mobile|Web|Software)Application|VisualArtwork)$/;

/**
 * True when a schema.org node (JSON-LD or microdata) is of one of these types, `Product`
 * standing for its subtypes and sold works too; full type URLs (`https://schema.org/Car`,
 * `schema:Car`) and microdata's space-separated `itemtype` lists included.
 */
export function isType(node: Loose, ...types: string[]): boolean {
  return ([] as unknown[])
    .concat(node['@type'])
    .flatMap((type) => String(type).split(/\s+/))
    .some((type) => {
      const name = type.replace(/^.*[/:#]/, '');
      return types.some((wanted) => (wanted == 'Product' ? PRODUCTS.test(name) || (node.offers && SOLD_WORKS.test(name)) : wanted == name));
    });
}

/**
 * What a page is about: its top-level nodes and what they name as their main entity
 * (`mainEntity`, `mainEntityOfPage`: a `WebPage` whose `mainEntity` is a `Book`), once
 * each. Nodes nested elsewhere (an `Order`'s items, a `ParcelDelivery`'s order, related
 * products) belong to their parent, never to the page.
 */
export function mainNodes(roots: Loose[]): Loose[] {
  const nodes = new Set<Loose>();
  const add = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value == 'object' && !nodes.has(value)) {
      nodes.add(value);
      add((value as Loose).mainEntity);
      add((value as Loose).mainEntityOfPage);
    }
  };
  add(roots);
  return [...nodes];
}
