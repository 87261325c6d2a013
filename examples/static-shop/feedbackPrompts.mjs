// The example shop's feedback prompts (the site setting `prompts`, SPEC §5): one question
// on the thank-you page of both shops. `npm run demo` seeds them; the e2e suite sets them
// through the admin API, which proves them valid.
export const FEEDBACK_PROMPTS = [
  {
    id: 'after_order',
    about: 'purchase',
    on: 'order_complete',
    path: '/checkout/thank_you*',
    question: {
      default: 'How easy was it to place your order? (1 = hard, 5 = easy)',
      fr: 'Votre commande a-t-elle été facile à passer ? (1 = difficile, 5 = facile)',
    },
    labels: { fr: { send: 'Envoyer', close: 'Fermer', comment: 'Un commentaire ? (facultatif)' } },
    comment: true,
    sample: 1,
    delay_ms: 1500,
  },
];
