import { selector } from '../../core/platform.ts';

/** A product review form: the common ids and classes, a form posting to a review URL, or the platform's. */
export function isReviewForm(form: HTMLFormElement): boolean {
  return form.matches(['#review-form,.review-form,form[action*="review"]', selector((adapter) => adapter.reviewForm)].filter(Boolean).join(','));
}
