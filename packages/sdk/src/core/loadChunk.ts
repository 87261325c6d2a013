/**
 * Loads one of the SDK's chunks (`waymark-vitals.js`, `waymark-prompt.js`) with a script
 * element and resolves with the global it defines: no module loader, the shop's CSP
 * `script-src` that allows `waymark.js` allows its neighbours.
 */
export const loadChunk = <T>(url: string, global: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const chunk = document.createElement('script');
    chunk.src = url;
    chunk.onload = () => resolve((window as any)[global]);
    chunk.onerror = reject;
    document.head.append(chunk);
  });
