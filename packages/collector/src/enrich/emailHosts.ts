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
/** Webmail front ends by their first label, on a site's subdomain: mail.yahoo.co.jp, webmail.free.fr, poczta.onet.pl … */
const WEBMAIL_SUBDOMAIN = /^(mail|webmail|email|e-mail|poczta|correo|posta|messagerie)\d*\.[^.]+\.[^.]/;
/** Link dereferrers webmail puts in front of every link: deref-gmx.net, deref-web.de, deref-mail.com … */
const DEREFERRER = /(^|\.)deref-[^.]+\.[a-z]+$/;

export function isEmailHost({ bare }: HostKeys): boolean {
  return WEBMAIL_SUBDOMAIN.test(bare) || DEREFERRER.test(bare) || findBySuffix(bare, isWebmail) === true;
}
