/**
 * The UTF-8 size of a text: its length when it is ASCII (nearly every event), encoded
 * otherwise. A Blob would say the same but is registered with the browser process.
 */
export const utf8Bytes = (text: string): number => (/[^\0-\x7f]/.test(text) ? new TextEncoder().encode(text).length : text.length);
