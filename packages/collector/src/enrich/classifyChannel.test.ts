import { describe, expect, it } from 'vitest';
import { classifyChannel } from './classifyChannel.ts';

const SHOP = 'https://shop.example/products/blue-shirt';

describe('classifyChannel', () => {
  it.each([
    // Search landings: organic, from the engines' real referrers (usually just the origin).
    [SHOP, 'https://www.google.com/', 'organic_search', 'google'],
    [SHOP, 'https://www.google.co.uk/', 'organic_search', 'google'],
    [SHOP, 'https://www.google.com.br/', 'organic_search', 'google'],
    [SHOP, 'https://google.de/', 'organic_search', 'google'],
    [SHOP, 'android-app://com.google.android.googlequicksearchbox/', 'organic_search', 'google'],
    [SHOP, 'android-app://com.google.android.gm/', 'email', undefined],
    [SHOP, 'android-app://com.facebook.katana/', 'social', undefined],
    [SHOP, 'android-app://org.example.newsreader/', 'referral', undefined],
    [SHOP, 'https://images.google.com/', 'organic_search', 'google'],
    [SHOP, 'https://www.google.com.hk/', 'organic_search', 'google'],
    [SHOP, 'https://docs.google.com/document/d/1', 'referral', undefined],
    [SHOP, 'https://play.google.com/store', 'referral', undefined],
    [SHOP, 'https://html.duckduckgo.com/', 'organic_search', 'duckduckgo'],
    [SHOP, 'https://r.search.yahoo.com/_ylt=abc', 'organic_search', 'yahoo'],
    [SHOP, 'https://cn.bing.com/', 'organic_search', 'bing'],
    [SHOP, 'https://lm.facebook.com/l.php?u=x', 'social', undefined],
    [SHOP, 'https://m.youtube.com/', 'social', undefined],
    [`${SHOP}?utm_source=chatgpt.com`, 'https://chatgpt.com/', 'referral', undefined],
    [SHOP, 'https://www.bing.com/search?q=blue+shirt', 'organic_search', 'bing'],
    [SHOP, 'https://duckduckgo.com/', 'organic_search', 'duckduckgo'],
    [SHOP, 'https://search.yahoo.com/', 'organic_search', 'yahoo'],
    [SHOP, 'https://fr.search.yahoo.com/', 'organic_search', 'yahoo'],
    [SHOP, 'https://search.yahoo.co.jp/', 'organic_search', 'yahoo'],
    [SHOP, 'https://yandex.ru/', 'organic_search', 'yandex'],
    [SHOP, 'https://ya.ru/', 'organic_search', 'yandex'],
    [SHOP, 'https://www.baidu.com/link?url=abc', 'organic_search', 'baidu'],
    [SHOP, 'https://www.ecosia.org/', 'organic_search', 'ecosia'],
    [SHOP, 'https://search.brave.com/', 'organic_search', 'brave'],
    [SHOP, 'https://www.qwant.com/', 'organic_search', 'qwant'],
    [SHOP, 'https://www.startpage.com/', 'organic_search', 'startpage'],
    [SHOP, 'https://m.search.naver.com/', 'organic_search', 'naver'],
    [SHOP, 'https://search.seznam.cz/', 'organic_search', 'seznam'],
    // Paid search: click ids or a paid utm_medium.
    [`${SHOP}?gclid=Cj0KCQ`, 'https://www.google.com/', 'paid_search', 'google'],
    [`${SHOP}?gbraid=0AAAAA`, '', 'paid_search', 'google'],
    [`${SHOP}?msclkid=abc123`, 'https://www.bing.com/', 'paid_search', 'bing'],
    [`${SHOP}?utm_source=google&utm_medium=cpc&utm_campaign=shirts`, '', 'paid_search', 'google'],
    [`${SHOP}?utm_source=bing&utm_medium=ppc`, 'https://www.bing.com/', 'paid_search', 'bing'],
    [`${SHOP}?utm_source=google&utm_medium=organic`, '', 'organic_search', 'google'],
    // Social.
    [SHOP, 'https://l.facebook.com/', 'social', undefined],
    [SHOP, 'https://t.co/abc', 'social', undefined],
    [SHOP, 'https://www.instagram.com/', 'social', undefined],
    [SHOP, 'https://www.pinterest.de/', 'social', undefined],
    [SHOP, 'https://out.reddit.com/', 'social', undefined],
    [`${SHOP}?fbclid=IwAR0`, '', 'social', undefined],
    [`${SHOP}?utm_source=facebook&utm_medium=cpc`, '', 'paid_social', undefined],
    [`${SHOP}?utm_source=instagram&utm_medium=social`, '', 'social', undefined],
    [`${SHOP}?ttclid=E.C.P`, '', 'paid_social', undefined],
    // E-mail, SMS, QR, affiliate, display.
    [`${SHOP}?utm_source=newsletter&utm_medium=email&utm_campaign=bf`, '', 'email', undefined],
    [`${SHOP}?utm_source=klaviyo`, '', 'email', undefined],
    [SHOP, 'https://mail.google.com/', 'email', undefined],
    [SHOP, 'https://outlook.live.com/', 'email', undefined],
    [`${SHOP}?utm_source=attentive&utm_medium=sms`, '', 'sms', undefined],
    [`${SHOP}?utm_source=flyer&utm_medium=qr`, '', 'qr', undefined],
    [`${SHOP}?utm_source=packaging&utm_medium=qrcode`, '', 'qr', undefined],
    [`${SHOP}?utm_source=awin&utm_medium=affiliate`, '', 'affiliate', undefined],
    [`${SHOP}?irclickid=xyz`, '', 'affiliate', undefined],
    [`${SHOP}?awc=1234_abc`, 'https://www.some-blog.example/', 'affiliate', undefined],
    [`${SHOP}?utm_source=gdn&utm_medium=display`, '', 'display', undefined],
    // Referral and direct.
    [SHOP, 'https://www.some-blog.example/best-shirts', 'referral', undefined],
    [SHOP, 'https://en.wikipedia.org/wiki/Oxford_shirt', 'referral', undefined],
    // Matomo's social list counts Hacker News and GitHub as social networks.
    [SHOP, 'https://news.ycombinator.com/', 'social', undefined],
    [SHOP, 'https://github.com/acme/shirts', 'social', undefined],
    // A general site with a search box is a search engine only for its search pages.
    [SHOP, 'https://www.cnn.com/', 'referral', undefined],
    [SHOP, 'https://www.cnn.com/search?query=shirt', 'organic_search', 'google'],
    [SHOP, 'https://www.facebook.com/search/top/?q=shirt', 'social', undefined],
    [SHOP, 'https://jp.hao123.com/', 'referral', undefined],
    // Matomo's "Windows Live Spaces" is Microsoft's sign-in page today.
    [SHOP, 'https://login.live.com/oauth20_authorize.srf', 'referral', undefined],
    // Webmail link dereferrers and front ends the old hand-written list missed.
    [SHOP, 'https://deref-gmx.net/mail/client/x/dereferrer/?redirectUrl=https%3A%2F%2Fshop.example', 'email', undefined],
    [SHOP, 'https://mail.naver.com/', 'email', undefined],
    [SHOP, 'https://mail.ru/', 'referral', undefined],
    [SHOP, 'https://www.google.com./', 'organic_search', 'google'],
    [SHOP, 'https://wx.mail.qq.com/', 'email', undefined],
    [SHOP, 'https://go.mail.ru/', 'organic_search', 'mailru'],
    [SHOP, 'https://us.startpage.com/', 'organic_search', 'startpage'],
    [SHOP, 'https://wap.baidu.com/', 'organic_search', 'baidu'],
    [SHOP, 'https://www.threads.com/', 'social', undefined],
    [SHOP, 'https://t.umblr.com/redirect?z=https%3A%2F%2Fshop.example', 'social', undefined],
    [SHOP, '', 'direct', undefined],
    [SHOP, undefined, 'direct', undefined],
    [SHOP, 'https://shop.example/cart', 'direct', undefined],
    [SHOP, 'https://www.shop.example/cart', 'direct', undefined],
    [SHOP, 'https://www.google.cat/', 'organic_search', 'google'],
    [SHOP, 'https://suche.web.de/web?q=hemd', 'organic_search', 'web.de'],
    [SHOP, 'https://suche.t-online.de/', 'organic_search', 't-online'],
    [SHOP, 'https://navigator.web.de/mail', 'email', undefined],
    [SHOP, 'not a url', 'direct', undefined],
    [`${SHOP}?utm_source=partnerblog`, '', 'referral', undefined],
  ])('%s from %s is %s (%s)', (url, ref, channel, engine) => {
    const result = classifyChannel(url, ref);
    expect(result.channel).toBe(channel);
    expect(result.searchEngine).toBe(engine);
  });

  it('does not take webmail or other Google properties for a search engine', () => {
    expect(classifyChannel(SHOP, 'https://mail.google.com/mail/u/0/').channel).toBe('email');
    expect(classifyChannel(SHOP, 'https://www.youtube.com/watch?v=1').channel).toBe('social');
  });
});
