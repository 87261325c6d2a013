import { bareHost, hostSuffixes } from './hostKey.ts';

/**
 * Webmail: a landing referred from one came from an e-mail, not from the web. Matomo keeps
 * no such list; these are the collector's own rules. Hosts whose name does not say mail:
 */
const WEBMAIL = new Set([
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'icloud.com', 'fastmail.com',
  'mail.com', 'e.mail.ru', 'navigator.gmx.net', 'navigator.web.de', '3c.gmx.net', '3c.web.de', 'mail.proton.me',
]);
/** Webmail front ends by their first label: mail.yahoo.co.jp, webmail.free.fr, poczta.onet.pl, email.seznam.cz … */
const WEBMAIL_LABEL = /^(mail|webmail|email|e-mail|poczta|correo|posta|posteo|messagerie)\d*$/;
/** Link dereferrers webmail puts in front of every link: deref-gmx.net, deref-web.de, deref-mail.com … */
const DEREFERRER = /^deref-/;

export function isEmailHost(host: string): boolean {
  const bare = bareHost(host);
  const labels = bare.split('.');
  if (labels.length >= 3 && WEBMAIL_LABEL.test(labels[0]!)) return true;
  if (DEREFERRER.test(labels[labels.length - 2] ?? '')) return true;
  for (const suffix of hostSuffixes(bare)) if (WEBMAIL.has(suffix)) return true;
  return false;
}
