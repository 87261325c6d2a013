import type { Stage, SUPPORT_CHANNELS, TouchpointType } from './stages.ts';

/** A product as it travels in `props` (SPEC §3). Absent facts are left out. */
export interface Product {
  /** SKU or product id. */
  id?: string;
  name?: string;
  /** Unit price, a number. */
  price?: number;
  /** ISO 4217, upper case. */
  currency?: string;
  brand?: string;
  category?: string;
  variant?: string;
  quantity?: number;
}

export interface ProductProps { product: Product }
export interface ProductListProps { list?: string; products?: Product[] }
export interface CartProps { value?: number; currency?: string; items?: Product[]; step?: string }
export interface OrderProps {
  order_id?: string;
  revenue?: number;
  currency?: string;
  items?: Product[];
  shipping?: number;
  tax?: number;
  coupon?: string;
}
export interface SearchProps { query: string }
export interface FeedbackProps { rating: number; comment?: string; about?: Stage; prompt?: string }
/** A feedback prompt shown or dismissed (SPEC §5): a measurement, never a touchpoint. */
export interface FeedbackPromptProps { prompt: string; about?: Stage; action: 'shown' | 'dismissed' }
export interface WebVitalsProps {
  lcp?: number;
  inp?: number;
  cls?: number;
  fcp?: number;
  ttfb?: number;
  page_type?: string;
}

/** A click on a recommended product: related, upsell, cross-sell, "bought together", "buy it again". */
export interface CrossSellClickProps { product?: Product; list?: string; page_type?: string }
/** A contact form sent, a chat opened, a `mailto:`/`tel:` link followed. */
export interface SupportContactProps { via: (typeof SUPPORT_CHANNELS)[number]; page_type?: string; order_id?: string }
/** `subscription_renew` and `subscription_cancel`. */
export interface SubscriptionProps { subscription_id?: string; product?: Product }

export type EventProps = Record<string, unknown>;

/** One event on the wire, SDK → collector. */
export interface WireEvent {
  /** 8–64 chars of [A-Za-z0-9_-]; the dedup key. */
  id: string;
  /** A touchpoint type or a custom `^[a-z][a-z0-9_]{0,63}$` type. */
  type: TouchpointType | (string & {});
  /** Client clock, ms. */
  ts: number;
  url: string;
  /** Referrer, on `landing` only. */
  ref?: string;
  /** Anonymous visitor id; absent in cookieless mode. */
  anon?: string;
  /** Visit id. */
  session: string;
  /** Shop customer id from `identify()`. */
  user?: string;
  /** Only on custom types. */
  stage?: Stage;
  props?: EventProps;
}

/** The body of `POST /v1/collect`. */
export interface CollectBatch {
  site: string;
  /** Client clock (ms) when the batch left; corrects clock skew. */
  sent_at: number;
  events: WireEvent[];
}

export interface Rejection { index: number; reason: string }

/** The `202` answer of `POST /v1/collect`. */
export interface CollectResponse {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}
