export { init } from './init.ts';
export type { InitOptions, TrackOptions, Waymark } from './init.ts';
export type { PageRule, PageRules } from './signals/urlRules.ts';
export type { CartProps, FeedbackProps, OrderProps, PageTouchpointType, Product, Stage, TouchpointType, WireEvent } from '@waymark/schema';
