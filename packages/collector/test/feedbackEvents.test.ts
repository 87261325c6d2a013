import { STAGES } from '@waymark/schema';
import { describe, expect, it } from 'vitest';
import { collect, createSite, event, storedEvents } from './helpers.ts';

const stageName = (ordinal: number) => STAGES[ordinal - 1];

describe('feedback and feedback_prompt events', () => {
  it('are stored under the stage they are about, loyalty when they name none', async () => {
    const { site } = await createSite();
    const sent = [
      event({ type: 'feedback', props: { rating: 4, about: 'purchase', prompt: 'after_order' } }),
      event({ type: 'feedback', props: { rating: 2 } }),
      event({ type: 'feedback_prompt', props: { prompt: 'after_order', about: 'purchase', action: 'shown' } }),
      event({ type: 'feedback_prompt', props: { prompt: 'search', about: 'consideration', action: 'dismissed' } }),
      event({ type: 'feedback_prompt', props: { prompt: 'anywhere', action: 'shown' } }),
    ];
    const response = await collect({ site, sent_at: Date.now(), events: sent });
    expect(await response.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    const stored = await storedEvents(site);
    const stageOfId = new Map(stored.map((row) => [row.id, stageName(row.stage)]));
    expect(sent.map((e) => stageOfId.get(e.id))).toEqual(['purchase', 'loyalty', 'purchase', 'consideration', 'loyalty']);
  });

  it('refuses a prompt event without its prompt id or with another action, keeping its neighbours', async () => {
    const { site } = await createSite();
    const response = await collect({
      site,
      sent_at: Date.now(),
      events: [
        event({ type: 'feedback_prompt', props: { about: 'purchase', action: 'shown' } }),
        event({ type: 'feedback_prompt', props: { prompt: 'after_order', action: 'clicked' } }),
        event({ type: 'feedback', props: { rating: 5, prompt: 'after_order' } }),
      ],
    });
    const body = (await response.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(body.rejected[1]!.reason).toMatch(/props\.action must be shown or dismissed/);
  });

  it('stores hostile comments as text: e-mail addresses scrubbed, markup kept inert, 10 KB cut to 2000 chars', async () => {
    const { site } = await createSite();
    const markup = '<img src=x onerror="alert(1)"><script>document.cookie</script>';
    const long = markup + ' write to jane.doe+shop@mail.example or JOHN%40corp.example.co.uk ' + 'A'.repeat(10_000);
    const sent = [
      event({ type: 'feedback', props: { rating: 1, about: 'purchase', comment: long } }),
      event({ type: 'feedback', props: { rating: 3, comment: "'); DROP TABLE events; --" } }),
    ];
    const response = await collect({ site, sent_at: Date.now(), events: sent });
    expect(((await response.json()) as { accepted: number }).accepted).toBe(2);
    const stored = await storedEvents(site);
    const comments = sent.map((e) => JSON.parse(stored.find((row) => row.id === e.id)!.props as unknown as string).comment as string);
    expect(comments[0]).toHaveLength(2000 - (long.length - long.replace(/jane\.doe\+shop@mail\.example|JOHN%40corp\.example\.co\.uk/g, 'redacted').length));
    expect(comments[0]!.startsWith(markup + ' write to redacted or redacted AAA')).toBe(true);
    expect(comments[0]).not.toMatch(/@|%40/);
    expect(comments[1]).toBe("'); DROP TABLE events; --");
  });
});
