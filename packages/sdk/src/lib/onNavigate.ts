import { patch } from './patch.ts';

/**
 * Calls `listener` after each History API navigation of a single-page app:
 * `pushState`, `replaceState` (`replace` true) and back/forward (`popstate`).
 * The Navigation API would say more but Firefox and Safari lack it.
 */
export function onNavigate(listener: (replace: boolean) => void): () => void {
  const onPop = () => listener(false);
  const stops = [
    patch(history, 'pushState', () => listener(false)),
    patch(history, 'replaceState', () => listener(true)),
  ];
  addEventListener('popstate', onPop);
  return () => {
    stops.forEach((stop) => stop());
    removeEventListener('popstate', onPop);
  };
}
