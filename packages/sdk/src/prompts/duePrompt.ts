import type { WireEvent } from '@waymark/schema';
import type { Store } from '../core/delivery/storage.ts';
import type { Capture } from '../core/types.ts';
import type { PromptConfig, ShowPrompt } from './promptConfig.ts';

/** The site's prompts, fetched once per visit: `visit id` + space + the config's JSON. */
const CONFIG_KEY = 'wm_pc';
/** When this visitor was last asked: `{"": any prompt, [prompt id]: that prompt}` in ms. */
const ASKED_KEY = 'wm_pa';
const DAY = 864e5;
/** A payment page, whatever touchpoint it shows: never interrupt one. */
const PAYMENT = /(?:^|[\W_])(?:pay(?:ments?)?|paiement|zahlung|pago)(?:[\W_]|$)/i;

/**
 * Decides, after each touchpoint, whether a feedback prompt is due (SPEC §5): its `on`
 * type and path match, the visitor is sampled in (stable per visitor and prompt), not on
 * a checkout or payment page, not asked in the last 7 days, not asked this prompt in the
 * last 90. Only then is `waymark-prompt.js` loaded. Called for released events only, so
 * never before consent.
 */
export function duePrompts(site: string, endpoint: string | undefined, store: Store, load: () => Promise<ShowPrompt>, send: Capture) {
  let visit: string | undefined;
  let config: Promise<PromptConfig[]>;
  let busy: unknown;

  const read = async (session: string): Promise<PromptConfig[]> => {
    const cached = store.get(CONFIG_KEY);
    if (cached?.startsWith(session + ' ')) return JSON.parse(cached.slice(session.length + 1));
    // A failing or blocked collector counts as "no prompts" for the rest of the visit.
    let prompts = [];
    try {
      prompts = (await (await fetch(`${endpoint}/v1/sites/${site}/config`)).json()).prompts || [];
    } catch {}
    store.set(CONFIG_KEY, session + ' ' + JSON.stringify(prompts));
    return prompts;
  };

  // Async, and everything inside the try: called from the SDK's event path, it can neither throw nor reject.
  return async (event: WireEvent, pageType?: string) => {
    try {
      const now = Date.now();
      const asked = JSON.parse(store.get(ASKED_KEY) || '{}');
      if (busy || now - asked[''] < 7 * DAY || /^checkout/.test(pageType!) || PAYMENT.test(location.pathname)) return;
      if (visit != event.session) config = read((visit = event.session));
      const href = location.href;
      const prompt = (await config).find(
        (p) => p.on == event.type && (!p.path || new RegExp(p.path).test(location.pathname)) && !(now - asked[p.id] < 90 * DAY) && sampled(event.anon + ' ' + p.id) < p.sample,
      );
      if (!prompt || busy) return;
      busy = 1;
      await new Promise((resolve) => setTimeout(resolve, prompt.delay_ms));
      // The shopper moved on (an SPA navigation) while the prompt waited: not the moment any more.
      if (location.href == href) {
        const show = await load();
        asked[''] = asked[prompt.id] = Date.now();
        store.set(ASKED_KEY, JSON.stringify(asked));
        show(prompt, send);
      }
    } catch {}
    busy = 0;
  };
}

/** A number in [0, 1) fixed by the text (FNV-1a): the same visitor is always in or out of a prompt's sample. */
export function sampled(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}
