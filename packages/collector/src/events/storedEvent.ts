/** An event as the collector stores it: validated, stage-tagged, enriched. */
export interface StoredEvent {
  siteId: number;
  id: string;
  /** Skew-corrected event time, ms. */
  ts: number;
  receivedAt: number;
  type: string;
  /** 1-based ordinal in STAGES. */
  stage: number;
  visitor: string;
  session: string;
  user?: string;
  url: string;
  referrer?: string;
  channel?: string;
  searchEngine?: string;
  country?: string;
  device?: string;
  /** Serialised JSON object, or undefined when empty. */
  props?: string;
}
