import { patch } from './patch.ts';
import { safely } from '../../lib/safely.ts';

/**
 * Calls `listener` around each History API navigation of a single-page app: before
 * `pushState` and `replaceState` change the URL (`before`: the old page is still shown)
 * and after them, and after back/forward (`popstate`). `to` is the new URL.
 * The Navigation API would say more but Firefox and Safari lack it.
 */
export function onNavigate(listener: (replace: boolean, to: URL, before?: boolean) => void): () => void {
  const onPop = safely(() => listener(false, new URL(location.href)));
  const hook = (replace: boolean) => (before?: boolean) => (_: unknown, args: unknown[]) =>
    listener(replace, new URL(before ? String(args[2] ?? location.href) : location.href, location.href), before);
  const push = hook(false);
  const replace = hook(true);
  const stops = [patch(history, 'pushState', push(), push(true)), patch(history, 'replaceState', replace(), replace(true))];
  addEventListener('popstate', onPop);
  return () => {
    stops.forEach((stop) => stop());
    removeEventListener('popstate', onPop);
  };
}
