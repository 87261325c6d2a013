// Run by hand after refreshing data/matomo/*.yml (see data/matomo/README.md):
//   node scripts/importMatomoLists.mjs
// Turns Matomo's search-engine and social-network lists into the collector's own compact
// table, src/enrich/matomoLists.ts: each engine's hosts under the collector's
// `search_engine` name, keyword parameters only where a host needs one to count, and the
// social hosts. Hosts keep Matomo's `{}` country placeholder; src/enrich/hostKey.ts spells
// hosts the same way when the collector builds its index and when it looks a referrer up.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bareHost, countryPattern } from '../src/enrich/hostKey.ts';

const root = new URL('../', import.meta.url);
const read = (path) => parse(readFileSync(new URL(path, root), 'utf8'));
const searchEngines = read('data/matomo/SearchEngines.yml');
const socials = read('data/matomo/Socials.yml');

/** Engine families under one name, and the names the collector already stored before this import. */
const FAMILIES = [
  [/^Google\b/, 'google'],
  [/^Yahoo!/, 'yahoo'],
  [/^Bing\b/, 'bing'],
  [/^Yandex\b/, 'yandex'],
  [/^360search$/, 'so360'],
  [/^Cốc Cốc$/, 'coccoc'],
  [/^ABCsøk$/, 'abcsok'],
  [/^묻지마 검색$/, 'kwzf'],
];
/** Hosts of one engine's list that the collector has always named otherwise. */
const HOST_NAMES = { 'suche.gmx.net': 'gmx', 'search.gmx.com': 'gmx' };
/**
 * Sites Matomo lists for a search box of theirs whose referrers are mostly not searches: a
 * landing from them counts as a search landing only when the referrer carries the engine's
 * keyword parameter.
 */
const KEYWORD_ONLY_ENGINES = new Set([
  'Alexa', 'Arcor', 'Charter', 'DasOertliche', 'DasTelefonbuch', 'Digg', 'dmoz', 'FriendFeed', 'GoYellow.de',
  'Gule Sider', 'ICQ', 'Kataweb', 'Meinestadt.de', 'Online.no', 'Opplysningen 1881', 'rpmfind', 'Skynet', 'TalkTalk',
  'Technorati', 'Toppreise.ch', 'Yellowmap',
]);
const KEYWORD_ONLY_HOSTS = new Set([
  'www.cnn.com', 'www.fastweb.it', 'wow.com', 'start.lenovo.com', 'www.optuszoo.com.au', 'jp.hao123.com', 'home.kingsoft.jp',
  'www.startsiden.no', 'startsiden.no',
]);
/** Hosts Matomo lists as social whose referrers today are something else: Microsoft's sign-in page. */
const NOT_SOCIAL = new Set(['login.live.com']);
/** A name the CSV export can write byte-exact and a report can show: the `search_engine` alphabet. */
const NAME_ALPHABET = /^[a-z0-9][a-z0-9.-]*$/;

function nameOf(engine) {
  for (const [pattern, name] of FAMILIES) if (pattern.test(engine)) return name;
  const family = engine.replace(/\s*\(.*\)$/, '').replace(/ (Images|Videos|Video|Videa)$/, '');
  return family.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

/** Matomo writes a few entries as host/path or as an Android app; the index holds hosts. */
function hostOf(entry) {
  return entry.trim().toLowerCase().replace(/^android-app:?\/\//, '').split('/')[0];
}

const socialHosts = new Set(Object.values(socials).flat().map(hostOf).filter((host) => !NOT_SOCIAL.has(host)));
const isSocial = (host) => [...socialHosts].some((social) => host === social || host.endsWith(`.${social}`));

const engines = new Map(); // name → Map(host → keyword params or '')
const keyOwner = new Map(); // index key → name, to report hosts two engines claim
const report = { engines: 0, hosts: 0, skipped: [], conflicts: [] };
for (const [engine, definitions] of Object.entries(searchEngines)) {
  for (const definition of definitions) {
    for (const url of definition.urls) {
      const host = hostOf(url);
      if (isSocial(host)) {
        report.skipped.push(`${host} (${engine}: a social network)`);
        continue;
      }
      const name = HOST_NAMES[host] ?? nameOf(engine);
      if (!NAME_ALPHABET.test(name)) throw new Error(`engine ${JSON.stringify(engine)} has no usable name (${JSON.stringify(name)}): add it to FAMILIES`);
      const key = bareHost(host);
      const owner = keyOwner.get(key);
      if (owner && owner !== name) {
        report.conflicts.push(`${host}: ${owner} (kept) vs ${name}`);
        continue;
      }
      keyOwner.set(key, name);
      const keywordOnly = KEYWORD_ONLY_ENGINES.has(engine) || KEYWORD_ONLY_HOSTS.has(host);
      const params = keywordOnly ? definition.params.filter((p) => !p.startsWith('/') && p.trim() !== '').join(',') : '';
      if (keywordOnly && !params) continue;
      const hosts = engines.get(name) ?? new Map();
      if (!hosts.has(host)) report.hosts++;
      hosts.set(host, params);
      engines.set(name, hosts);
    }
  }
}
report.engines = engines.size;
// A pattern must not shadow another engine's exact host: google.{} would otherwise claim google.cat.
for (const [key, name] of keyOwner) {
  if (!key.includes('{}')) {
    const pattern = countryPattern(key);
    const patternOwner = keyOwner.get(pattern);
    if (pattern !== key && patternOwner && patternOwner !== name) report.conflicts.push(`${key} (${name}) also matches ${pattern} (${patternOwner}); the exact host wins`);
  }
}

const socialList = [...socialHosts].sort();
const engineLines = [...engines]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, hosts]) => `  '${name}': '${[...hosts].map(([host, params]) => (params ? `${host}?${params}` : host)).join(' ')}',`);

const source = `// Generated by scripts/importMatomoLists.mjs from data/matomo/SearchEngines.yml and
// data/matomo/Socials.yml: do not edit by hand; change the script or refresh the lists.
// Source: Matomo's search engine and social network lists,
// https://github.com/matomo-org/searchengine-and-social-list (CC0-1.0, public domain
// dedication); the copy and its date are described in data/matomo/README.md.

/**
 * Search engines by \`search_engine\` name: space-separated hosts, \`{}\` standing for a
 * country code (google.{} is google.de, google.co.jp, google.com.tr …; {}.bing.com is
 * cn.bing.com …). \`host?q,query\` counts only when the referrer carries one of the
 * keyword parameters: a site with a search box whose other pages are no search.
 */
export const SEARCH_ENGINE_HOSTS: Readonly<Record<string, string>> = {
${engineLines.join('\n')}
};

/** Social networks' hosts; a referrer on any of their subdomains is social. */
export const SOCIAL_HOSTS = '${socialList.join(' ')}';
`;
writeFileSync(new URL('src/enrich/matomoLists.ts', root), source);
console.log(`${report.engines} engines, ${report.hosts} hosts, ${socialList.length} social hosts → src/enrich/matomoLists.ts`);
for (const line of report.skipped) console.log(`skipped ${line}`);
for (const line of report.conflicts) console.log(`conflict ${line}`);
