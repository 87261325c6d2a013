import { bareHost, findBySuffix, type HostKeys } from './hostKey.ts';
import { SOCIAL_HOSTS } from './matomoLists.ts';

/** Networks, messengers and their link redirectors Matomo's list lacks; pinterest.{} is Pinterest's country sites. */
const OWN_HOSTS =
  'fb.com messenger.com threads.net threads.com whatsapp.com wa.me l.wl.co x.com pin.it pinterest.{} redd.it t.umblr.com ' +
  'tiktok.com snapchat.com ' +
  'bsky.app mastodon.social ok.ru quora.com t.me telegram.org line.me discord.com discord.gg twitch.tv douyin.com ' +
  'xiaohongshu.com kakao.com nextdoor.com flipboard.com';

const SOCIAL = new Set(`${SOCIAL_HOSTS} ${OWN_HOSTS}`.split(' ').map(bareHost));
const isSocial = (suffix: string): true | undefined => (SOCIAL.has(suffix) ? true : undefined);

const SOCIAL_SOURCES = new Set([
  'facebook', 'fb', 'instagram', 'ig', 'meta', 'twitter', 'x', 'linkedin', 'pinterest', 'reddit', 'youtube',
  'tiktok', 'snapchat', 'threads', 'bluesky', 'whatsapp', 'telegram', 'vk', 'weibo', 'tumblr', 'quora', 'line', 'discord',
]);

/** A social host or any subdomain of one (l.facebook.com, old.reddit.com), country sites included. */
export function isSocialHost({ bare, pattern }: HostKeys): boolean {
  return (findBySuffix(bare, isSocial) ?? (pattern !== bare && findBySuffix(pattern, isSocial))) === true;
}

export function isSocialSource(source: string): boolean {
  return SOCIAL_SOURCES.has(source);
}
