/** Webmail hosts: a landing referred from one came from an e-mail, not from the web. */
const WEBMAIL = [
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com',
  'mail.aol.com', 'mail.proton.me', 'mail.zoho.com', 'mail.yandex.ru', 'e.mail.ru', 'mail.gmx.net',
  'navigator.gmx.net', 'navigator.web.de', 'mail.com', 'icloud.com', 'fastmail.com',
];

export function isEmailHost(host: string): boolean {
  return WEBMAIL.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
