import type { Channel } from '@waymark/schema';
import { isEmailHost } from './emailHosts.ts';
import { hostKeys } from './hostKey.ts';
import { searchEngineOfReferrer, searchEngineOfSource } from './searchEngines.ts';
import { isSocialHost, isSocialSource } from './socialNetworks.ts';

export interface ChannelResult {
  channel: Channel;
  /** Set on organic_search and paid_search when the engine is known. */
  searchEngine?: string;
}

/** Ad click ids and the paid channel (and engine) they prove. */
const CLICK_IDS: ReadonlyArray<readonly [param: string, channel: Channel, engine?: string]> = [
  ['gclid', 'paid_search', 'google'],
  ['gbraid', 'paid_search', 'google'],
  ['wbraid', 'paid_search', 'google'],
  ['gad_source', 'paid_search', 'google'],
  ['msclkid', 'paid_search', 'bing'],
  ['yclid', 'paid_search', 'yandex'],
  ['dclid', 'display'],
  ['ttclid', 'paid_social'],
  ['twclid', 'paid_social'],
  ['li_fat_id', 'paid_social'],
  ['ScCid', 'paid_social'],
  ['rdt_cid', 'paid_social'],
  ['epik', 'paid_social'],
  // fbclid is added to organic Facebook/Instagram link clicks too, so it proves social, not paid.
  ['fbclid', 'social'],
  ['irclickid', 'affiliate'],
  ['cjevent', 'affiliate'],
  ['awc', 'affiliate'],
  ['clickref', 'affiliate'],
  ['sscid', 'affiliate'],
];

const MEDIUM_CHANNEL: ReadonlyArray<readonly [RegExp, Channel]> = [
  [/^(e-?mail|e_mail|newsletter|mailing|crm)$/, 'email'],
  [/^(sms|text|mms|whatsapp|push)$/, 'sms'],
  [/^(qr|qr-?code|qr_code|print|offline|packaging)$/, 'qr'],
  [/^(affiliate|affiliates|partner|partners)$/, 'affiliate'],
  [/^(display|banner|cpm|programmatic|interstitial|video)$/, 'display'],
  [/^(paid[-_ ]?social|social[-_ ]?paid|social[-_ ]?ads?)$/, 'paid_social'],
  [/^(social|social[-_ ]?network|social[-_ ]?media|sm|organic[-_ ]?social)$/, 'social'],
  [/^(referral|link)$/, 'referral'],
];
const PAID_MEDIUM = /^(cpc|ppc|paid|paid[-_ ]?search|sem|cpv|cpa|retargeting)$/;

/**
 * The acquisition channel of a `landing`, from its URL's campaign parameters and click ids
 * first (the shop tagged them on purpose), then its referrer. A referrer of the shop's own
 * host (with or without www.) means the visit restarted on an internal page: direct.
 */
export function classifyChannel(pageUrl: string, referrer: string | undefined): ChannelResult {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { channel: 'direct' };
  }
  const params = url.searchParams;
  const ref = referrerOf(referrer);
  const external = ref && withoutWww(ref.host) !== withoutWww(url.hostname.toLowerCase()) ? hostKeys(ref.host) : undefined;
  const refEngine = ref && external ? searchEngineOfReferrer(external, ref.params) : undefined;
  const source = params.get('utm_source')?.trim().toLowerCase() ?? '';
  const medium = params.get('utm_medium')?.trim().toLowerCase() ?? '';
  const sourceEngine = source ? searchEngineOfSource(source) : undefined;

  if (medium) {
    if (PAID_MEDIUM.test(medium)) {
      if (isSocialSource(source) || (external && isSocialHost(external))) return { channel: 'paid_social' };
      return withEngine('paid_search', sourceEngine ?? refEngine ?? clickEngine(params));
    }
    if (medium === 'organic') {
      const engine = sourceEngine ?? refEngine;
      return engine ? { channel: 'organic_search', searchEngine: engine } : { channel: 'referral' };
    }
    for (const [pattern, channel] of MEDIUM_CHANNEL) if (pattern.test(medium)) return { channel };
  }
  for (const [param, channel, engine] of CLICK_IDS) {
    if (params.has(param)) return channel === 'paid_search' ? withEngine(channel, engine) : { channel };
  }
  if (source) {
    if (isSocialSource(source)) return { channel: 'social' };
    if (/^(newsletter|email|e-mail|mailchimp|klaviyo|sendinblue|brevo|hubspot|mailerlite)$/.test(source)) return { channel: 'email' };
    if (/^(qr|qrcode|qr_code)$/.test(source)) return { channel: 'qr' };
    if (/^(sms|text|attentive|postscript)$/.test(source)) return { channel: 'sms' };
    if (sourceEngine && !external) return { channel: 'organic_search', searchEngine: sourceEngine };
  }
  if (external) {
    if (isEmailHost(external)) return { channel: 'email' };
    if (refEngine) return { channel: 'organic_search', searchEngine: refEngine };
    if (isSocialHost(external)) return { channel: 'social' };
    return { channel: 'referral' };
  }
  return source ? { channel: 'referral' } : { channel: 'direct' };
}

const ANDROID_APPS: Record<string, string> = {
  'com.google.android.googlequicksearchbox': 'www.google.com',
  'com.google.android.gm': 'mail.google.com',
  'com.microsoft.office.outlook': 'outlook.live.com',
  'com.facebook.katana': 'facebook.com',
  'com.instagram.android': 'instagram.com',
  'com.pinterest': 'pinterest.com',
  'com.twitter.android': 'x.com',
  'com.linkedin.android': 'linkedin.com',
  'com.reddit.frontpage': 'reddit.com',
  'com.zhiliaoapp.musically': 'tiktok.com',
};

function withEngine(channel: Channel, engine: string | undefined): ChannelResult {
  return engine ? { channel, searchEngine: engine } : { channel };
}

function clickEngine(params: URLSearchParams): string | undefined {
  return CLICK_IDS.find(([param, channel]) => channel === 'paid_search' && params.has(param))?.[2];
}

/** shop.example and www.shop.example are one shop: a referrer from either is internal. */
function withoutWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

function referrerOf(referrer: string | undefined): { host: string; params: URLSearchParams } | undefined {
  if (!referrer) return undefined;
  try {
    const { protocol, hostname, searchParams } = new URL(referrer);
    // Android apps refer as android-app://<package>/: the Google app's search, Gmail, the
    // social apps; any other app is a referral under its package name.
    if (protocol === 'android-app:') {
      const app = hostname.toLowerCase();
      return { host: ANDROID_APPS[app] ?? app, params: searchParams };
    }
    // A fully qualified host (www.google.com.) is the same site.
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return protocol === 'http:' || protocol === 'https:' ? { host, params: searchParams } : undefined;
  } catch {
    return undefined;
  }
}
