/**
 * What a platform adapter may add for the after-sales touchpoints (SPEC §3). Declared beside
 * the detectors that read it: the core's `Adapter` stays the core's, the adapters fill these
 * in (each field a CSS selector).
 */
declare module '../core/adapter.ts' {
  interface Adapter {
    /** Recommendation blocks (related, upsell, cross-sell, "bought together") the generic markers miss. */
    crossSell?: string;
    /** Contact forms the generic markers miss. */
    contactForm?: string;
    /** Buttons, links and forms of the platform's subscription apps that renew or reactivate a subscription. */
    subscriptionRenew?: string;
    /** Buttons, links and forms of the platform's subscription apps that cancel one. */
    subscriptionCancel?: string;
    /** Where a subscription page names the subscribed product. */
    subscriptionProduct?: string;
  }
}

export {};
