/**
 * The web-vitals chunk of the script tag (`waymark-vitals.js`), loaded by `waymark.js`
 * when the page is idle: it hands the library over as the global `waymarkVitals`.
 */
export { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
