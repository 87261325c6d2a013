/** Acquisition channels the collector assigns to a `landing` (SPEC §3). */
export const CHANNELS = [
  'organic_search',
  'paid_search',
  'social',
  'paid_social',
  'email',
  'sms',
  'qr',
  'affiliate',
  'display',
  'referral',
  'direct',
] as const;
export type Channel = (typeof CHANNELS)[number];
