import type { Props } from '../../core/types.ts';

const CAMPAIGN = { source: 'utm_source', medium: 'utm_medium', name: 'utm_campaign', term: 'utm_term', content: 'utm_content' };

/**
 * The props of a `landing`: the campaign of its utm_* parameters. The URL keeps them and
 * the click ids (gclid, msclkid, fbclid, ttclid…) for the collector's channel rules.
 */
export function landing(url: URL): Props {
  const params = url.searchParams;
  const campaign: Props = {};
  for (const [field, key] of Object.entries(CAMPAIGN)) {
    const value = params.get(key)?.trim();
    if (value) campaign[field] = value.slice(0, 256);
  }
  return Object.keys(campaign).length ? { campaign } : {};
}
