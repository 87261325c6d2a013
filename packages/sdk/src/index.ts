export { init } from './init.ts';
export type { InitOptions, TrackOptions, Waymark } from './core/options.ts';
export type { Adapter, AdapterFactory } from './core/adapter.ts';
export type { PageType } from './core/types.ts';
export type { PageRule, PageRules } from './capture/signals/urlRules.ts';
export type { CartProps, FeedbackProps, OrderProps, PageTouchpointType, Product, Stage, TouchpointType, WireEvent } from '@waymark/schema';
