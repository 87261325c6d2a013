import { scriptTag } from './core/scriptTag.ts';

/** `waymark.js`: the core and generic capture; the platform's adapter is fetched when the sniff names one. */
scriptTag();
