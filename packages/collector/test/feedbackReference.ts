import { STAGES } from '@waymark/schema';
import type { LocalDay } from '../src/lib/timeZone.ts';
import { primaryPersona } from '../src/personas/matchPersona.ts';
import type { Persona } from '../src/personas/personaRules.ts';
import type { EventRow } from './helpers.ts';
import { featuresFromEvents } from './personaReference.ts';
import type { RawEvent } from './rollupReference.ts';

/**
 * The feedback report computed from raw stored events in plain TypeScript, apart from the
 * rollups and the report's own code: what every number of GET /v1/reports/feedback must be.
 */

const HOUR = 3_600_000;
const MEASUREMENTS = ['web_vitals', 'feedback_prompt'];

export interface ReferenceScope {
  from: number;
  to: number;
  channels?: string[];
  devices?: string[];
  /** Primary personas to keep, under `rules`, over each visitor's lifetime as of `now`. */
  personas?: { keys: string[]; rules: readonly Persona[]; now: number };
}

/** Visitors the filters keep (all when there is none), as docs/analytics.md defines them. */
function keptVisitors(events: RawEvent[], scope: ReferenceScope): (visitor: string) => boolean {
  if (!scope.channels && !scope.devices && !scope.personas) return () => true;
  const inRange = events.filter((e) => e.ts >= scope.from && e.ts < scope.to && !MEASUREMENTS.includes(e.type));
  const kept = new Set(inRange.map((e) => e.visitor));
  if (scope.channels) {
    const landed = new Set(inRange.filter((e) => e.type === 'landing' && scope.channels!.includes(e.channel ?? 'unknown')).map((e) => e.visitor));
    for (const v of [...kept]) if (!landed.has(v)) kept.delete(v);
  }
  if (scope.devices) {
    // The device of a visitor's hour is that of their first touchpoint in it.
    const first = new Map<string, RawEvent>();
    for (const e of inRange) {
      const key = `${e.visitor} ${Math.floor(e.ts / HOUR)}`;
      const seen = first.get(key);
      if (!seen || e.ts < seen.ts || (e.ts === seen.ts && e.id < seen.id)) first.set(key, e);
    }
    const used = new Set([...first.values()].filter((e) => scope.devices!.includes(e.device ?? '')).map((e) => e.visitor));
    for (const v of [...kept]) if (!used.has(v)) kept.delete(v);
  }
  if (scope.personas) {
    const { keys, rules, now } = scope.personas;
    for (const v of [...kept]) {
      const own = events.filter((e) => e.visitor === v) as unknown as EventRow[];
      if (!keys.includes(primaryPersona(rules, featuresFromEvents(own, now)))) kept.delete(v);
    }
  }
  return (visitor) => kept.has(visitor);
}

function figures(events: RawEvent[]) {
  const answers = events.filter((e) => e.type === 'feedback');
  const prompts = events.filter((e) => e.type === 'feedback_prompt').map((e) => JSON.parse(e.props!).action as string);
  const ratings = answers.map((e) => JSON.parse(e.props!).rating as number);
  const unprompted = answers.filter((e) => JSON.parse(e.props!).prompt === undefined).length;
  const shown = prompts.filter((a) => a === 'shown').length;
  const mean = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
  return {
    responses: answers.length,
    unprompted,
    shown,
    dismissed: prompts.filter((a) => a === 'dismissed').length,
    response_rate: shown === 0 ? null : Math.round(((answers.length - unprompted) / shown) * 10_000) / 10_000,
    average_rating: mean === null ? null : Math.round(mean * 100) / 100,
    ratings: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, ratings.filter((r) => r === n).length])) },
  };
}

export function referenceFeedback(raw: RawEvent[], scope: ReferenceScope, days: LocalDay[]) {
  const keep = keptVisitors(raw, scope);
  const events = raw.filter((e) => e.ts >= scope.from && e.ts < scope.to && keep(e.visitor) && (e.type === 'feedback' || e.type === 'feedback_prompt'));
  const prompt = (e: RawEvent) => (JSON.parse(e.props!).prompt as string | undefined) ?? '';
  const line = (of: RawEvent[]) => ({
    ...figures(of),
    days: days.map((d) => {
      const { responses, shown, response_rate, average_rating } = figures(of.filter((e) => e.ts >= d.start && e.ts < d.end));
      return { day: d.day, responses, shown, response_rate, average_rating };
    }),
  });
  const prompts = [...new Set(events.filter((e) => prompt(e) !== '').map((e) => JSON.stringify([e.stage, prompt(e)])))]
    .map((key) => JSON.parse(key) as [number, string])
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const commented = events
    .filter((e) => e.type === 'feedback' && JSON.parse(e.props!).comment)
    .sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1))
    .slice(0, 20);
  return {
    ...figures(events),
    stages: STAGES.map((stage, i) => ({ stage, ...line(events.filter((e) => e.stage === i + 1)) })),
    prompts: prompts.map(([stage, id]) => ({ prompt: id, stage: STAGES[stage - 1], ...line(events.filter((e) => e.stage === stage && prompt(e) === id)) })),
    days: line(events).days,
    comments: commented.map((e) => {
      const props = JSON.parse(e.props!);
      return {
        at: new Date(e.ts).toISOString(),
        visitor: e.visitor,
        stage: STAGES[e.stage - 1],
        prompt: props.prompt ?? null,
        rating: props.rating,
        comment: props.comment,
        journey: `/v1/reports/journey?visitor=${encodeURIComponent(e.visitor)}`,
      };
    }),
  };
}
