/**
 * The feedback prompt chunk of the SDK (`waymark-prompt.js`), loaded by `waymark.js` only
 * when a prompt is due: it hands the widget over as the global `waymarkPrompt`.
 */
export { showPrompt as default } from './prompts/promptWidget.ts';
