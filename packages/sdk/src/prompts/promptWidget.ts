import type { Capture } from '../core/types.ts';
import type { PromptConfig, ShowPrompt } from './promptConfig.ts';

/**
 * The widget's look. Every colour, the radius and the font are CSS custom properties the
 * shop may set (they cross the shadow boundary; see the README); dark defaults follow
 * `prefers-color-scheme`, motion `prefers-reduced-motion`.
 */
const CSS =
  'div{--b:var(--waymark-prompt-background,#fff);--t:var(--waymark-prompt-text,#1b1b1f);--a:var(--waymark-prompt-accent,#1f5fbf);--o:var(--waymark-prompt-on-accent,#fff);--l:var(--waymark-prompt-border,#767680);' +
  'display:block;box-sizing:border-box;padding:16px;background:var(--b);color:var(--t);border:1px solid var(--l);border-radius:var(--waymark-prompt-radius,12px);box-shadow:0 6px 24px #0004;font:var(--waymark-prompt-font,15px/1.4 system-ui,sans-serif)}' +
  '@media(prefers-color-scheme:dark){div{--b:var(--waymark-prompt-background,#202329);--t:var(--waymark-prompt-text,#eef0f4);--a:var(--waymark-prompt-accent,#8ab4f8);--o:var(--waymark-prompt-on-accent,#0b1b33);--l:var(--waymark-prompt-border,#8a8f99)}}' +
  '@media(prefers-reduced-motion:no-preference){div{animation:w .2s ease-out}@keyframes w{0%{opacity:0;transform:translateY(8px)}}}' +
  'p{margin:0 32px 12px 0;font-weight:600}label{display:block}fieldset{display:flex;gap:6px;border:0;margin:0 0 12px;padding:0}fieldset label{flex:1}' +
  'input{position:absolute;opacity:0;margin:0}span{display:block;padding:10px 0;text-align:center;border:1px solid var(--l);border-radius:8px;cursor:pointer}input:checked+span{background:var(--a);color:var(--o);border-color:var(--a)}' +
  'textarea{display:block;box-sizing:border-box;width:100%;margin:4px 0 12px;padding:6px;font:inherit;color:inherit;background:none;border:1px solid var(--l);border-radius:8px;resize:vertical}' +
  'button{font:inherit;cursor:pointer;border:0;border-radius:8px;padding:8px 16px;background:var(--a);color:var(--o)}[type=button]{float:right;margin:-8px -8px 0 0;padding:4px 10px;font-size:20px;background:none;color:inherit}' +
  ':focus-visible,input:focus-visible+span{outline:3px solid var(--a);outline-offset:2px}';

/** Fixed in the corner, out of the page's flow (no layout shift), above the shop's own layers, phone-wide at most. */
const HOST =
  'all:initial!important;position:fixed!important;z-index:2147483647!important;right:16px!important;bottom:16px!important;width:min(22rem,calc(100vw - 32px))!important;display:block!important';

/**
 * Builds an element; strings among `children` become text nodes, so whatever the site's
 * prompt texts hold is shown as text, never parsed as markup.
 */
const h = (tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]) => {
  const element = document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]!);
  element.append(...children);
  return element;
};

/**
 * One question in a shadow root: a rating 1–5 as a radio group (arrows choose, Enter
 * sends), an optional comment, Send, and Close (or Esc) to dismiss. Focus moves to the
 * rating unless the shopper is typing in a field of the page.
 */
export const showPrompt: ShowPrompt = (prompt: PromptConfig, send: Capture) => {
  const lang = document.documentElement.lang.toLowerCase();
  const pick = <T>(texts: Record<string, T> = {}): T | undefined => texts[lang] ?? texts[lang.split('-')[0]!] ?? texts.default;
  const labels = { send: 'Send', close: 'Close', comment: 'Comment (optional)', ...pick(prompt.labels) };
  const { id, about } = prompt;
  const before = document.activeElement as HTMLElement | null;
  const host = h('waymark-prompt');
  // Through the CSSOM, not a style attribute or element: a shop's CSP without
  // 'unsafe-inline' styles blocks those, never these.
  host.style.cssText = HOST;
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const radios = [1, 2, 3, 4, 5].map((n) => h('label', {}, h('input', { type: 'radio', name: 'r', value: '' + n }), h('span', {}, '' + n)));
  const comment = prompt.comment && (h('textarea', { maxlength: '2000', rows: '2' }) as HTMLTextAreaElement);
  const form = h(
    'form',
    {},
    h('button', { type: 'button', 'aria-label': labels.close }, '×'),
    h('p', { id: 'q' }, pick(prompt.question)!),
    h('fieldset', { 'aria-labelledby': 'q' }, ...radios),
    ...(comment ? [h('label', {}, labels.comment, comment)] : []),
    h('button', {}, labels.send),
  ) as HTMLFormElement;
  const close = (action?: string) => {
    if (action) send('feedback_prompt', { prompt: id, about, action });
    if (root.activeElement && before?.isConnected) before.focus({ preventScroll: true });
    host.remove();
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    const rating = +(form.elements.namedItem('r') as RadioNodeList).value;
    // elements: Close, the fieldset, then the first radio.
    if (!rating) return void (form.elements[2] as HTMLElement).focus();
    send('feedback', { rating, comment: (comment && comment.value.trim()) || undefined, about, prompt: id });
    close();
  };
  form.onkeydown = (event) => {
    if (event.key == 'Escape') close('dismissed');
    else if (event.key == 'Enter' && (event.target as HTMLInputElement).type == 'radio') form.requestSubmit();
  };
  form.firstChild!.addEventListener('click', () => close('dismissed'));
  root.append(h('div', { role: 'dialog', 'aria-labelledby': 'q' }, form));
  document.body.append(host);
  send('feedback_prompt', { prompt: id, about, action: 'shown' });
  const typing = before && (/^(?:INPUT|TEXTAREA|SELECT)$/.test(before.tagName) || before.isContentEditable);
  if (!typing) (form.elements[2] as HTMLElement).focus({ preventScroll: true });
};
