/** E-mail addresses, plain or URL-encoded: what a shopper types into a comment to be called back. */
const EMAIL = /[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+/gi;

/**
 * A feedback comment as stored: its e-mail addresses `redacted` (the SDK does so too, but
 * `/v1/collect` is public and other senders exist). Markup stays text: it is stored in
 * JSON and every reader shows it as text. Its length was capped by validateEvent.
 */
export function scrubComment(comment: string): string {
  return comment.replace(EMAIL, 'redacted');
}
