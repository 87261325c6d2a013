export * from './stages.ts';
export * from './channels.ts';
export * from './limits.ts';
export type * from './wire.ts';
export * from './validateEvent.ts';
export * from './validateBatch.ts';
export * from './orderEventId.ts';
