import { findBySuffix, type HostKeys } from './hostKey.ts';

/**
 * Webmail: a landing referred from one came from an e-mail, not from the web. Matomo keeps
 * no such list; these are the collector's own rules. Hosts whose name does not say mail:
 */
const WEBMAIL = new Set([
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'icloud.com', 'fastmail.com',
  'mail.com', 'e.mail.ru', 'navigator.gmx.net', 'navigator.web.de', '3c.gmx.net', '3c.web.de', 'mail.proton.me',
]);
const isWebmail = (suffix: string): true | undefined => (WEBMAIL.has(suffix) ? true : undefined);
/**
 * Webmail front ends by a label of a site's subdomain (never the site's own name, so
 * mail.ru and go.mail.ru are not mail): mail.yahoo.co.jp, webmail.free.fr, wx.mail.qq.com,
 * poczta.onet.pl, email.seznam.cz …
 */
const WEBMAIL_LABEL = /^(mail|webmail|email|e-mail|exmail|poczta|correo|posta|messagerie)\d*$/;
/** Link dereferrers webmail puts in front of every link: deref-gmx.net, deref-web.de, deref-mail.com … */
const DEREFERRER = /(^|\.)deref-[^.]+\.[a-z]+$/;

export function isEmailHost({ bare }: HostKeys): boolean {
  const labels = bare.split('.');
  for (let i = 0; i < labels.length - 2; i++) if (WEBMAIL_LABEL.test(labels[i]!)) return true;
  return DEREFERRER.test(bare) || findBySuffix(bare, isWebmail) === true;
}
