import type { Stage } from '@waymark/schema';
import type { Capture } from '../core/types.ts';

/** The widget's own words, per language; English when the site gives none. */
export interface PromptLabels {
  send?: string;
  close?: string;
  comment?: string;
}

/** A feedback prompt as `GET /v1/sites/{site}/config` gives it. */
export interface PromptConfig {
  id: string;
  about: Stage;
  /** The touchpoint type it follows. */
  on: string;
  /** A regular expression over `location.pathname` (compiled by the collector from the site's pattern). */
  path?: string;
  /** Text per language (`default`, `en`, `pt-br`…). */
  question: Record<string, string>;
  labels?: Record<string, PromptLabels>;
  comment: boolean;
  sample: number;
  delay_ms: number;
}

/** What `waymark-prompt.js` hands over (as the global `waymarkPrompt`): shows one prompt, recording through `send`. */
export type ShowPrompt = (prompt: PromptConfig, send: Capture) => void;
