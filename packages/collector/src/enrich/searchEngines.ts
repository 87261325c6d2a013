import { bareHost, type HostKeys, findBySuffix } from './hostKey.ts';
import { SEARCH_ENGINE_HOSTS } from './matomoLists.ts';

/**
 * Engines and hosts Matomo's list lacks, in its format; `*.host` takes every subdomain.
 * Matomo's facts come first: where both name a host, Matomo's engine stands.
 */
const OWN_HOSTS: Readonly<Record<string, string>> = {
  google: 'google.cat',
  duckduckgo: '*.duckduckgo.com',
  yandex: 'ya.ru',
  brave: 'search.brave.com',
  kagi: '*.kagi.com',
  mojeek: '*.mojeek.com mojeek.co.uk',
  petal: 'petalsearch.com',
  yep: 'yep.com',
  perplexity: 'perplexity.ai',
  startpage: '*.startpage.com startpage.nl',
  ecosia: '*.ecosia.org',
  qwant: '*.qwant.com',
  presearch: 'presearch.com',
  metager: 'metager.org',
  swisscows: 'swisscows.com',
  toutiao: 'so.toutiao.com',
};

/** Names a search engine goes by in `utm_source` (`utm_source=google&utm_medium=cpc`). */
const SOURCE_NAMES = new Set([
  'google', 'bing', 'yahoo', 'yandex', 'baidu', 'duckduckgo', 'ecosia', 'brave', 'qwant', 'startpage', 'naver', 'seznam',
  'sogou', 'so360', 'daum', 'aol', 'ask', 'mojeek', 'kagi', 'petal', 'coccoc', 'yep', 'perplexity',
]);
const SOURCE_ALIASES: Readonly<Record<string, string>> = {
  adwords: 'google', 'google-ads': 'google', googleads: 'google', microsoft: 'bing', msn: 'bing', ddg: 'duckduckgo',
};

interface Engine {
  name: string;
  /** When set, the referrer counts as a search only when it carries one of these parameters. */
  keywords?: string[];
}

/** Bare hosts and country patterns (with `{}`), as hostKeys spells them; built once per isolate. */
const HOSTS = new Map<string, Engine>();
/** Domains every subdomain of which is the engine's. */
const DOMAINS = new Map<string, Engine>();
for (const table of [SEARCH_ENGINE_HOSTS, OWN_HOSTS]) {
  for (const [name, hosts] of Object.entries(table)) {
    for (const entry of hosts.split(' ')) {
      const [host, keywords] = entry.split('?') as [string, string | undefined];
      const [index, key] = host.startsWith('*.') ? [DOMAINS, host.slice(2)] : [HOSTS, bareHost(host)];
      if (!index.has(key)) index.set(key, keywords ? { name, keywords: keywords.split(',') } : { name });
    }
  }
}

/**
 * The search engine a referrer comes from: its bare host, else its country pattern
 * (www.google.co.jp → google.{}), else a domain all of whose hosts search; a handful of
 * Map lookups, whatever the size of the lists.
 */
export function searchEngineOfReferrer({ bare, pattern }: HostKeys, params: URLSearchParams): string | undefined {
  const engine = HOSTS.get(bare) ?? HOSTS.get(pattern) ?? findBySuffix(bare, (suffix) => DOMAINS.get(suffix));
  if (!engine) return undefined;
  if (engine.keywords && !engine.keywords.some((keyword) => params.get(keyword))) return undefined;
  return engine.name;
}

export function searchEngineOfSource(source: string): string | undefined {
  const name = SOURCE_ALIASES[source] ?? source;
  return SOURCE_NAMES.has(name) ? name : undefined;
}
