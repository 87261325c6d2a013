import type { Stage } from '@waymark/schema';

/** The texts a prompt shows, per language (`default`, `en`, `fr-ca`, …): the page's `lang` picks one. */
export type Texts<T> = { default: T } & Record<string, T>;

/** The widget's own words; without them, the SDK's English ones. */
export interface Labels {
  send?: string;
  close?: string;
  comment?: string;
}

/** One feedback prompt of a site (SPEC §5), as the admin API stores it. */
export interface Prompt {
  id: string;
  /** The stage the answers are about, and so stored under. */
  about: Stage;
  /** The touchpoint after which it is asked. */
  on: PromptTouchpoint;
  /** A path pattern the page must match: `*` stands for any characters (`/checkout/thank_you*`). */
  path?: string;
  question: Texts<string>;
  labels?: Record<string, Labels>;
  /** Offer an optional comment box below the rating. */
  comment: boolean;
  /** Share of visitors asked, 0–1. */
  sample: number;
  /** Wait after the touchpoint, in ms. */
  delay_ms: number;
}

/**
 * Touchpoints a prompt may follow: none of the checkout (never ask mid-payment), nor the
 * measurements and feedback themselves.
 */
export const PROMPT_TOUCHPOINTS = [
  'landing',
  'page_view',
  'product_list_view',
  'product_view',
  'site_search',
  'wishlist_add',
  'cart_add',
  'cart_remove',
  'cart_view',
  'order_complete',
  'order_tracking_view',
  'return_start',
  'account_view',
  'review_submit',
  'newsletter_signup',
] as const;
export type PromptTouchpoint = (typeof PROMPT_TOUCHPOINTS)[number];

export const PROMPT_LIMITS = {
  prompts: 20,
  languages: 30,
  questionLength: 200,
  labelLength: 40,
  pathLength: 200,
  maxDelayMs: 60_000,
} as const;

export const LABEL_KEYS = ['send', 'close', 'comment'] as const;
