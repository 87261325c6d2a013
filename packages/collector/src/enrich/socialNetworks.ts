/** Social networks and messengers by referrer host suffix, and the names they use as `utm_source`. */
const SOCIAL_DOMAINS = [
  'facebook.com', 'fb.com', 'fb.me', 'messenger.com', 'instagram.com', 'threads.net', 'whatsapp.com', 'wa.me',
  't.co', 'twitter.com', 'x.com', 'linkedin.com', 'lnkd.in', 'pinterest.com', 'pin.it', 'reddit.com', 'redd.it',
  'youtube.com', 'youtu.be', 'tiktok.com', 'snapchat.com', 'bsky.app', 'mastodon.social', 'vk.com', 'ok.ru',
  'weibo.com', 'tumblr.com', 'quora.com', 't.me', 'telegram.org', 'line.me', 'discord.com', 'discord.gg',
  'xing.com', 'twitch.tv', 'douyin.com', 'xiaohongshu.com', 'kakao.com', 'nextdoor.com', 'flipboard.com',
];
// pinterest.de, pinterest.co.uk …: Pinterest serves country domains.
const PINTEREST = /(^|\.)pinterest\.(com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

const SOCIAL_SOURCES = new Set([
  'facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 'x', 'linkedin', 'pinterest', 'reddit', 'youtube',
  'tiktok', 'snapchat', 'threads', 'bluesky', 'whatsapp', 'telegram', 'vk', 'weibo', 'tumblr', 'quora', 'line', 'discord',
]);

export function isSocialHost(host: string): boolean {
  return PINTEREST.test(host) || SOCIAL_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export function isSocialSource(source: string): boolean {
  return SOCIAL_SOURCES.has(source);
}
