/** Wire limits of SPEC §2, shared by the SDK (to batch) and the collector (to enforce). */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_PROPS_BYTES = 8 * 1024;
export const MAX_URL_LENGTH = 2048;
/** How long before `sent_at` an event may have happened (the SDK's queue survives offline days, not years). */
export const MAX_EVENT_AGE_MS = 366 * 86_400_000;
export const MAX_LIST_PRODUCTS = 50;
export const MAX_ITEMS = 100;
/** The latest time a JavaScript Date can hold, in ms: larger times cannot be read back. */
export const MAX_TIME_MS = 8.64e15;
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const CUSTOM_TYPE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** A feedback comment longer than this is cut, not refused: a long answer is still an answer. */
export const MAX_COMMENT_LENGTH = 2000;
/** Feedback prompt ids (SPEC §5), as the admin API accepts them. */
export const PROMPT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
