import type { FeedbackProps, Stage } from '@waymark/schema';
import { STAGE } from '../../lib/stages.ts';
import type { Props } from '../../core/types.ts';

/** The props of a `feedback`, or undefined when the rating is not an integer from 1 to 5. */
export function feedback(rating: number, comment?: string, about?: Stage): Props | undefined {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return undefined;
  const props: FeedbackProps = { rating };
  if (comment) props.comment = String(comment).slice(0, 2000);
  if (STAGE.test(about!)) props.about = about;
  return props;
}
