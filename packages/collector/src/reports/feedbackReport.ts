import { STAGES, type Stage } from '@waymark/schema';
import { ratio } from './ratio.ts';
import type { FeedbackCounts, FeedbackRows } from './queries.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** One line of the report: a stage, a prompt, or the whole range. */
export interface FeedbackFigures {
  /** `feedback` events: answers to a prompt and feedback given without one. */
  responses: number;
  /** Of them, feedback given without a prompt (a shop's own form): in the ratings, not in the response rate. */
  unprompted: number;
  shown: number;
  dismissed: number;
  /** Answers to a prompt / times a prompt was shown; null when none was shown. */
  response_rate: number | null;
  /** Mean rating to two decimals; null without a rating. */
  average_rating: number | null;
  ratings: Record<(typeof RATINGS)[number], number>;
}

interface DayFigures {
  day: string;
  responses: number;
  shown: number;
  response_rate: number | null;
  average_rating: number | null;
}

/** The feedback report's JSON from its query rows (definitions in docs/analytics.md). */
export function feedbackReport(rows: FeedbackRows, days: string[]) {
  const line = (keep: (row: FeedbackRows['days'][number]) => boolean) => {
    const kept = rows.days.filter(keep);
    return {
      ...figures(kept),
      days: days.map((day): DayFigures => {
        const { responses, shown, response_rate, average_rating } = figures(kept.filter((row) => row.day === day));
        return { day, responses, shown, response_rate, average_rating };
      }),
    };
  };
  const prompts = [...new Map(rows.days.filter((r) => r.prompt !== '').map((r) => [`${r.stage} ${r.prompt}`, r] as const)).values()]
    .sort((a, b) => a.stage - b.stage || (a.prompt < b.prompt ? -1 : 1));
  return {
    ...figures(rows.days),
    stages: STAGES.map((stage, i) => ({ stage, ...line((row) => row.stage === i + 1) })),
    prompts: prompts.map(({ stage, prompt }) => ({
      prompt,
      stage: STAGES[stage - 1] as Stage,
      ...line((row) => row.stage === stage && row.prompt === prompt),
    })),
    days: line(() => true).days,
    comments: rows.comments.map((c) => ({
      at: new Date(c.ts).toISOString(),
      visitor: c.visitor,
      stage: STAGES[c.stage - 1] as Stage,
      prompt: typeof c.prompt === 'string' ? c.prompt : null,
      rating: typeof c.rating === 'number' ? c.rating : null,
      comment: String(c.comment),
      journey: `/v1/reports/journey?visitor=${encodeURIComponent(c.visitor)}`,
    })),
  };
}

function figures(rows: (FeedbackCounts & { prompt: string })[]): FeedbackFigures {
  const total = (pick: (row: FeedbackCounts & { prompt: string }) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const ratings = { 1: total((r) => r.rated_1), 2: total((r) => r.rated_2), 3: total((r) => r.rated_3), 4: total((r) => r.rated_4), 5: total((r) => r.rated_5) };
  const rated = RATINGS.reduce((sum, n) => sum + ratings[n], 0);
  const ratingSum = RATINGS.reduce((sum, n) => sum + n * ratings[n], 0);
  const unprompted = total((r) => (r.prompt === '' ? r.answers : 0));
  const responses = total((r) => r.answers);
  const shown = total((r) => r.shown);
  return {
    responses,
    unprompted,
    shown,
    dismissed: total((r) => r.dismissed),
    response_rate: ratio(responses - unprompted, shown),
    average_rating: rated === 0 ? null : Math.round((ratingSum / rated) * 100) / 100,
    ratings,
  };
}
