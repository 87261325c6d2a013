import type { PageTouchpointType, Stage } from '@waymark/schema';
import type { Loose } from '../lib/toProduct.ts';

export type PageType = PageTouchpointType;
export type Props = Loose;

/** Records one event: what every detector ends in. */
export type Capture = (type: string, props?: Props, extra?: { ref?: string; stage?: Stage; ts?: number; url?: string }) => void;

