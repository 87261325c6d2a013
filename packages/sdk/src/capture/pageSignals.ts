import type { Product } from '@waymark/schema';
import type { PlatformPage } from '../core/adapter.ts';
import { ask } from '../core/platform.ts';
import type { PageType } from '../core/types.ts';
import type { Loose } from '../lib/toProduct.ts';
import { jsonLd } from './signals/jsonLd.ts';
import { isType } from './signals/schemaTypes.ts';
import { microdata } from './signals/microdata.ts';
import { openGraph } from './signals/openGraph.ts';
import { pageClass } from './signals/pageClasses.ts';
import { urlRule, type PageRules } from './signals/urlRules.ts';

/** What the detectors of one page read, each signal read at most once and only if asked. */
export interface Signals {
  /** The page's URL, as it was when the page started. */
  url: URL;
  /** The site's own URL rules (`pages`), for what is matched beyond the page's URL. */
  rules?: PageRules;
  /**
   * Before `urls` is set: true when the markup (`<body>`) or the platform's objects say the
   * page is of this type. After: the URL rule's match (SPEC §4: URL rules last).
   */
  rule(type: PageType): RegExpExecArray | boolean | null;
  urls?: boolean;
  /** The last dataLayer event of these names pushed for this page. */
  dl(...names: string[]): Loose | undefined;
  /** The page's main JSON-LD nodes of these schema.org types (subtypes included), or else its microdata items of them. */
  nodes(...types: string[]): Loose[];
  og(): Product | undefined;
  /** What the platform's objects say of the page. */
  platform(): PlatformPage | undefined;
}

const once = <T>(read: () => T): (() => T) => {
  let value: T;
  let done = false;
  return () => (done ? value : ((done = true), (value = read())));
};

export function pageSignals(url: URL, rules: PageRules | undefined, dlEvents: Map<string, Loose>): Signals {
  const ld = once(() => jsonLd(document));
  const micro = once(() => microdata(document));
  const og = once(() => openGraph(document));
  const platform = once(() => ask((adapter) => adapter.page?.(url)));
  const signals: Signals = {
    url,
    rules,
    // A site's own rule for a type replaces the built-in URL rule and body classes alike.
    rule: (type) => (signals.urls ? urlRule(type, url, rules) : !(rules && type in rules) && (pageClass(type) || platform()?.type == type)),
    dl: (...names) => names.map((name) => dlEvents.get(name)).find(Boolean),
    nodes(...types) {
      // Microdata is read only when the JSON-LD has none of them.
      for (const read of [ld, micro]) {
        const nodes = read().filter((node) => isType(node, ...types));
        if (nodes[0]) return nodes;
      }
      return [];
    },
    og,
    platform,
  };
  return signals;
}
