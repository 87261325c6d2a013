/** A product review form: WooCommerce's (WordPress comments on a product), Magento's, PrestaShop's productcomments, Shopware's. */
export function isReviewForm(form: HTMLFormElement): boolean {
  return form.matches('.single-product #commentform,#review-form,.review-form,#post-product-comment-form,form[action*="review"]');
}
