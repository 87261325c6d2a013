import { CHANNELS, MAX_EVENTS_PER_BATCH, STAGES, SUPPORT_CHANNELS, TOUCHPOINT_STAGE } from '@waymark/schema';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../export/exportParams.ts';
import { DEFAULT_STEPS, MAX_STEPS, TIME_BUCKETS, TOP_PATHS } from '../reports/flowsReport.ts';
import { PERSONA_FIELDS } from '../personas/personaFields.ts';
import { LIMITS as PERSONA_LIMITS } from '../personas/personaRules.ts';
import { LABEL_KEYS, PROMPT_LIMITS, PROMPT_TOUCHPOINTS } from '../prompts/promptRules.ts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const query = (name: string, description: string, schema: object = { type: 'string' }, required = false) => ({ name, in: 'query', required, description, schema });

const site = query('site', 'Public key of the site (`wm_…`); optional, the token names its site. Another site’s key is a 403.');
const from = (required: boolean) => query('from', 'Start of the range, inclusive: ISO-8601 (`2025-11-01`, `2025-11-01T09:30:00Z`, `…+01:00`) or epoch ms. Without an offset, a wall-clock time of `tz`.', { type: 'string' }, required);
const to = (required: boolean) => query('to', 'End of the range, exclusive; same forms as `from`.', { type: 'string' }, required);
const tz = query('tz', 'IANA time zone of offset-less `from`/`to` and of report day buckets.', { type: 'string', default: 'UTC', example: 'Europe/Paris' });
const channel = query('channel', 'Comma-separated acquisition channels.', { type: 'string', example: 'organic_search,email', 'x-values': CHANNELS });
const persona = query('persona', 'Keep only visitors whose primary persona (GET /v1/personas; `other` when no rule matches) is one of these, comma-separated.', { type: 'string', example: 'loyal_customer,bargain_hunter' });
const device = query('device', 'Keep only visitors who used one of these devices in the range, comma-separated.', { type: 'string', example: 'mobile', 'x-values': ['mobile', 'tablet', 'desktop'] });
/** What every report over a range takes (whole hours; the channel filter keeps visitors). */
const reportRange = [site, from(true), to(true), tz, { ...channel, description: 'Keep only visitors who landed from these channels in the range.' }];
const exportAuth = [{ exportToken: [] }];
const readErrors = { '400': error('A parameter is missing or invalid; the message names it.'), '401': error('No or invalid export token.'), '403': error('The token belongs to another site.') };

const scalar = (description: string, nullable = true) => ({ type: nullable ? ['string', 'null'] : 'string', description });

/** The collector's API as OpenAPI 3.1, served at `/v1/openapi.json`. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Waymark collector',
    version: '0.1.0',
    description: 'Customer-journey tracking for online shops: the SDK’s collect endpoint, site administration, and the analysts’ export, reports and journey map. Definitions: docs/analytics.md.',
  },
  paths: {
    '/v1/collect': {
      post: {
        summary: 'Store a batch of touchpoints (the SDK’s beacon)',
        description: `1–${MAX_EVENTS_PER_BATCH} events per batch, body ≤ 64 KiB, \`application/json\` or \`text/plain\` (no CORS preflight). Every valid event is stored even when others are rejected; a replayed id is stored once.`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } }, 'text/plain': { schema: { $ref: '#/components/schemas/Batch' } } } },
        responses: {
          '202': json({ $ref: '#/components/schemas/CollectResult' }, 'Accepted (also the answer to known bots, whose events are dropped)'),
          '400': error('Body not JSON, no site, no events, or more than 100 events.'),
          '403': error('Unknown site, or an Origin not allowed for it.'),
          '413': error('Body over 64 KiB.'),
          '429': { ...error('Rate limit; see Retry-After.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
          '503': error('Storage failed; retry later (the SDK keeps the events).'),
        },
      },
    },
    '/v1/validate': {
      post: {
        summary: 'What /v1/collect would say of a batch, without storing it',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } },
        responses: { '200': json({ $ref: '#/components/schemas/CollectResult' }), '400': error('Invalid batch.'), '413': error('Body over 64 KiB.') },
      },
    },
    '/v1/admin/sites': {
      post: {
        summary: 'Create a site; answers its export token once',
        security: [{ adminToken: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'origins'],
                properties: {
                  name: { type: 'string', maxLength: 200 },
                  origins: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 100, example: ['https://shop.example', 'https://*.shop.example'] },
                  stage_overrides: { type: 'object', additionalProperties: { enum: STAGES }, description: 'Stage of custom event types.' },
                  prompts: { $ref: '#/components/schemas/Prompts' },
                },
              },
            },
          },
        },
        responses: {
          '201': json({ allOf: [{ $ref: '#/components/schemas/Site' }, { type: 'object', properties: { export_token: { type: 'string' } } }] }, 'Created'),
          '400': error('Invalid body.'),
          '401': error('Admin token missing or wrong.'),
        },
      },
      get: {
        summary: 'List sites',
        security: [{ adminToken: [] }],
        responses: { '200': json({ type: 'object', properties: { sites: { type: 'array', items: { $ref: '#/components/schemas/Site' } } } }), '401': error('Admin token missing or wrong.') },
      },
    },
    '/v1/admin/sites/{site}': {
      patch: {
        summary: 'Update a site’s name, origins, stage overrides, personas or feedback prompts',
        security: [{ adminToken: [] }],
        parameters: [{ name: 'site', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  origins: { type: 'array', items: { type: 'string' } },
                  stage_overrides: { type: 'object' },
                  personas: { type: ['array', 'null'], items: { $ref: '#/components/schemas/Persona' }, description: 'Persona rules in order (the first match is a visitor’s primary persona); null for the default set.' },
                  prompts: { oneOf: [{ $ref: '#/components/schemas/Prompts' }, { type: 'null' }], description: 'The whole list of feedback prompts, replacing the stored one; null or [] for none.' },
                },
              },
            },
          },
        },
        responses: { '200': json({ $ref: '#/components/schemas/Site' }), '400': error('Invalid body; the message names the setting and the field (`prompts[0] "after_order".sample must be …`).'), '401': error('Admin token missing or wrong.'), '404': error('No such site.') },
      },
    },
    '/v1/admin/sites/{site}/rotate-token': {
      post: {
        summary: 'Replace the export token; the old one stops working',
        security: [{ adminToken: [] }],
        parameters: [{ name: 'site', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': json({ type: 'object', properties: { site: { type: 'string' }, export_token: { type: 'string' } } }), '401': error('Admin token missing or wrong.'), '404': error('No such site.') },
      },
    },
    '/v1/export': {
      get: {
        summary: 'A site’s events, page by page, streamed',
        description: 'Ordered by (ts, id). While rows remain, `Link: <…>; rel="next"` gives the URL of the next page (same parameters plus `cursor`). Each CSV page has its header row.',
        security: exportAuth,
        parameters: [
          site,
          from(true),
          to(true),
          tz,
          query('stage', 'Comma-separated stages.', { type: 'string', example: 'decision,purchase', 'x-values': STAGES }),
          query('type', 'Comma-separated event types.', { type: 'string', example: 'cart_add,order_complete' }),
          channel,
          device,
          { ...persona, description: 'Keep only the events of visitors whose primary persona now is one of these (comma-separated; `other` included).' },
          query('format', 'NDJSON (one JSON object a line) or CSV (RFC 4180, CRLF, header row).', { enum: ['ndjson', 'csv'], default: 'ndjson' }),
          query('limit', 'Rows per page.', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
          query('cursor', 'Opaque; from the previous page’s Link header.'),
        ],
        responses: {
          '200': {
            description: 'One page of records',
            headers: { Link: { description: '`<url>; rel="next"` when more rows follow', schema: { type: 'string' } } },
            content: {
              'application/x-ndjson': { schema: { $ref: '#/components/schemas/ExportRecord' } },
              'text/csv': { schema: { type: 'string', description: 'Columns as ExportRecord; absent values are empty cells; props is JSON text.' } },
            },
          },
          ...readErrors,
        },
      },
    },
    '/v1/reports/funnel': {
      get: {
        summary: 'Journey funnel of a range',
        security: exportAuth,
        parameters: [...reportRange, persona, device],
        responses: { '200': json({ $ref: '#/components/schemas/Funnel' }), ...readErrors },
      },
    },
    '/v1/reports/feedback': {
      get: {
        summary: 'Feedback per stage and prompt in a range: responses, response rate, ratings, daily trend, latest comments',
        description: 'Read from the feedback rollups (whole UTC hours). `feedback` events are responses; `feedback_prompt` events with action `shown`/`dismissed` count prompts. The response rate is answers to a prompt over times shown, so feedback given without a prompt (a shop’s own form) counts in responses and ratings but not in the rate. Definitions: docs/analytics.md, "GET /v1/reports/feedback".',
        security: exportAuth,
        parameters: [...reportRange, persona, device],
        responses: { '200': json({ $ref: '#/components/schemas/FeedbackReport' }), ...readErrors },
      },
    },
    '/v1/reports/flows': {
      get: {
        summary: 'How shoppers move between touchpoints on the stage lanes: nodes with exits, moves, top paths to purchase, time and visits to purchase',
        description:
          'Read from the per-visit rollup (whole UTC hours); a visit belongs to the range by the hour of its first touchpoint. A node is a touchpoint type on its stage lane (feedback on the lane it is about); a link a move between consecutive touchpoints of a visit, `forward` to a later stage, `within` a stage or `back` to an earlier one (loops such as product → list → product are `within`/`back` links, never hidden). Each visit of the group enters one node and leaves one: an exit (the visit ended there) or `continued` (cut by `steps` or `end`), so entries, and exits + continued, add up to `visits`. Definitions: docs/analytics.md, "GET /v1/reports/flows".',
        security: exportAuth,
        parameters: [
          ...reportRange,
          persona,
          device,
          query('start', 'Read each visit from its first touchpoint of this type; visits without one are left out.', { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', example: 'product_view' }),
          query('end', 'Read each visit up to its first touchpoint of this type (from `start`); visits without one are left out.', { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', example: 'order_complete' }),
          query('steps', 'Follow at most this many touchpoints of each visit.', { type: 'integer', minimum: 1, maximum: MAX_STEPS, default: DEFAULT_STEPS }),
        ],
        responses: { '200': json({ $ref: '#/components/schemas/FlowsReport' }), ...readErrors },
      },
    },
    '/v1/reports/personas': {
      get: {
        summary: 'Each persona’s visitors, funnel, orders, revenue, channels and abandoned carts in a range',
        description: 'Every visitor with a touchpoint in the range counts under their primary persona: the first of the site’s rules (or the default set) their lifetime features match, evaluated when asked. Ranges start and end on whole UTC hours.',
        security: exportAuth,
        parameters: [...reportRange, device],
        responses: { '200': json({ $ref: '#/components/schemas/PersonaReport' }), ...readErrors },
      },
    },
    '/v1/personas': {
      get: {
        summary: 'The persona rules in effect for the token’s site: its own, or the default set',
        security: exportAuth,
        responses: {
          '200': json({ type: 'object', properties: { site: { type: 'string' }, default: { type: 'boolean', description: 'True when the site sets no rules.' }, personas: { type: 'array', items: { $ref: '#/components/schemas/Persona' } } } }),
          '401': readErrors['401'],
        },
      },
    },
    '/v1/reports/journey': {
      get: {
        summary: 'One visitor’s touchpoints in order, across visits',
        security: exportAuth,
        parameters: [site, query('visitor', 'The visitor id of exported events.', { type: 'string', maxLength: 64 }, true), from(false), to(false)],
        responses: { '200': json({ $ref: '#/components/schemas/Journey' }), ...readErrors },
      },
    },
    '/map': {
      get: {
        summary: 'The journey map: an HTML page that draws the flows between touchpoints on the stage lanes, the funnel, feedback and personas from the report API with a typed-in export token',
        responses: { '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
    '/v1/sites/{site}/config': {
      get: {
        summary: 'What the SDK of a site needs: its feedback prompts (public, cacheable)',
        description: 'No token: nothing in it is secret. `Access-Control-Allow-Origin: *`, `Cache-Control: public, max-age=60`, an `ETag`; `If-None-Match` with it answers 304. Path patterns come compiled to regular expressions over `location.pathname`.',
        parameters: [
          { name: 'site', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': { ...json({ $ref: '#/components/schemas/SiteConfig' }), headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } } },
          '304': { description: 'Not modified: the ETag given is current.' },
          '404': error('No such site.'),
        },
      },
    },
    '/v1/openapi.json': {
      get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } },
    },
  },
  components: {
    securitySchemes: {
      exportToken: { type: 'http', scheme: 'bearer', description: 'The site’s export token (`wm_exp_…`), shown once by the admin API.' },
      adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN Worker secret.' },
    },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      Batch: {
        type: 'object',
        required: ['site', 'events'],
        properties: {
          site: { type: 'string' },
          sent_at: { type: 'integer', description: 'Client clock (ms) when the batch left; corrects clock skew.' },
          events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, items: { $ref: '#/components/schemas/WireEvent' } },
        },
      },
      WireEvent: {
        type: 'object',
        required: ['id', 'type', 'ts', 'url', 'session'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
          type: { type: 'string', description: 'A touchpoint type (SPEC §3) or a custom `^[a-z][a-z0-9_]{0,63}$`', 'x-values': Object.keys(TOUCHPOINT_STAGE) },
          ts: { type: 'integer' },
          url: { type: 'string', maxLength: 2048 },
          ref: { type: 'string' },
          anon: { type: 'string' },
          session: { type: 'string' },
          user: { type: 'string' },
          stage: { enum: STAGES },
          props: {
            type: 'object',
            description:
              'Touchpoint fields (SPEC §3). `cross_sell_click`: `product`, `list`, `page_type`; `support_contact`: `via` (required), `page_type`, `order_id`; `subscription_renew`, `subscription_cancel`: `subscription_id`, `product`. `cross_sell_click`, `support_contact` and `web_vitals` are stored with the stage of `page_type`.',
            properties: { via: { enum: SUPPORT_CHANNELS }, page_type: { type: 'string' }, subscription_id: { type: 'string' }, list: { type: 'string' } },
          },
        },
      },
      CollectResult: {
        type: 'object',
        properties: {
          accepted: { type: 'integer' },
          duplicates: { type: 'integer' },
          rejected: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } } },
        },
      },
      Site: {
        type: 'object',
        properties: {
          site: { type: 'string' },
          name: { type: 'string' },
          origins: { type: 'array', items: { type: 'string' } },
          stage_overrides: { type: 'object' },
          personas: { type: ['array', 'null'], items: { $ref: '#/components/schemas/Persona' }, description: 'null: the default set applies.' },
          prompts: { $ref: '#/components/schemas/Prompts' },
          created_at: { type: 'string', format: 'date-time' },
        },
      },
      Prompts: {
        type: 'array',
        maxItems: PROMPT_LIMITS.prompts,
        description: 'Feedback prompts (SPEC §5): after the touchpoint `on`, a sampled-in visitor is asked one question, never on checkout or payment pages, at most one prompt per visitor per 7 days and each prompt once per 90 days.',
        items: {
          type: 'object',
          required: ['id', 'about', 'on', 'question'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,39}$', example: 'after_order' },
            about: { enum: STAGES, description: 'The stage the answers are stored under.' },
            on: { enum: PROMPT_TOUCHPOINTS, description: 'The touchpoint after which the prompt is shown.' },
            path: { type: 'string', maxLength: PROMPT_LIMITS.pathLength, pattern: '^/', description: 'Path pattern the page must match; `*` is any characters.', example: '/checkout/thank_you*' },
            question: { $ref: '#/components/schemas/PromptTexts' },
            labels: {
              type: 'object',
              description: 'The widget’s button and comment-box texts per language (`default` or a language tag; the widget’s English ones when absent).',
              additionalProperties: { type: 'object', additionalProperties: false, properties: Object.fromEntries(LABEL_KEYS.map((key) => [key, { type: 'string', maxLength: PROMPT_LIMITS.labelLength }])) },
            },
            comment: { type: 'boolean', default: false, description: 'Offer an optional comment box.' },
            sample: { type: 'number', minimum: 0, maximum: 1, default: 1, description: 'Share of visitors asked (stable per visitor and prompt).' },
            delay_ms: { type: 'integer', minimum: 0, maximum: PROMPT_LIMITS.maxDelayMs, default: 0 },
          },
        },
      },
      PromptTexts: {
        type: 'object',
        required: ['default'],
        description: `Text per language tag (\`en\`, \`fr\`, \`pt-br\`), chosen by the page's \`lang\` (exact, then its primary language), else \`default\`; 1–${PROMPT_LIMITS.questionLength} chars each, at most ${PROMPT_LIMITS.languages} languages. Shown as text, never markup.`,
        additionalProperties: { type: 'string', maxLength: PROMPT_LIMITS.questionLength },
        example: { default: 'How was your order?', fr: 'Comment s’est passée votre commande ?' },
      },
      SiteConfig: {
        type: 'object',
        properties: {
          prompts: { type: 'array', items: { $ref: '#/components/schemas/PromptFields' } },
        },
      },
      PromptFields: {
        type: 'object',
        description: 'A prompt as stored, with `path` compiled to a regular expression source (`^/checkout/thank_you.*$`).',
        properties: {
          id: { type: 'string' },
          about: { enum: STAGES },
          on: { type: 'string' },
          path: { type: 'string' },
          question: { $ref: '#/components/schemas/PromptTexts' },
          labels: { type: 'object' },
          comment: { type: 'boolean' },
          sample: { type: 'number' },
          delay_ms: { type: 'integer' },
        },
      },
      ExportRecord: {
        type: 'object',
        properties: {
          id: scalar('Event id (an order’s events share an id derived from order_id).', false),
          site: scalar('Public site key.', false),
          type: scalar('Touchpoint type.', false),
          stage: { enum: STAGES },
          ts: { type: 'string', format: 'date-time', description: 'Skew-corrected event time, UTC, ms.' },
          received_at: { type: 'string', format: 'date-time' },
          visitor: scalar('Anonymous visitor id, or an h_… daily hash in cookieless mode.', false),
          session: scalar('Visit id.', false),
          user: scalar('Shop customer id from identify().'),
          url: scalar('Page URL.', false),
          path: scalar('Path of the URL.'),
          referrer: scalar('Referrer of a landing.'),
          channel: { type: ['string', 'null'], enum: [...CHANNELS, null], description: 'Channel of a landing.' },
          search_engine: scalar('Search engine of a search landing.'),
          country: scalar('ISO 3166 country of the request.'),
          device: scalar('mobile, tablet or desktop.'),
          props: { type: ['object', 'null'], description: 'Touchpoint fields (SPEC §3).' },
          persona: scalar('The visitor’s primary persona at export time (the site’s rules over their lifetime features); null for a visitor with no touchpoint stored.'),
        },
      },
      Funnel: {
        type: 'object',
        properties: {
          site: { type: 'string' },
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          tz: { type: 'string' },
          channel: { type: ['array', 'null'], items: { type: 'string' } },
          visitors: { type: 'integer' },
          conversion: { type: ['number', 'null'], description: 'reached(purchase) / visitors' },
          stages: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                stage: { enum: STAGES },
                reached: { type: 'integer', description: 'Visitors whose furthest touchpoint is at this stage or later.' },
                visitors: { type: 'integer', description: 'Visitors with a touchpoint of this stage.' },
                touchpoints: { type: 'integer' },
                by_type: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, touchpoints: { type: 'integer' }, visitors: { type: 'integer' } } } },
                conversion_to_next: { type: ['number', 'null'] },
                drop_off_to_next: { type: ['integer', 'null'] },
                drop_off_rate: { type: ['number', 'null'] },
                web_vitals: { type: 'object', additionalProperties: { type: 'object', properties: { median: { type: 'number' }, p75: { type: 'number' }, samples: { type: 'integer' } } } },
              },
            },
          },
          landings: { type: 'object', properties: { total: { type: 'integer' }, by_channel: { type: 'array', items: { type: 'object' } } } },
          abandoned_carts: {
            type: 'object',
            properties: { visitors: { type: 'integer' }, cart_visitors: { type: 'integer' }, rate: { type: ['number', 'null'] }, cart_adds: { type: 'integer' }, value: { type: 'array', items: { type: 'object', properties: { currency: { type: 'string' }, value: { type: 'number' } } } } },
          },
          orders: { type: 'integer' },
          revenue: { type: 'array', items: { type: 'object', properties: { currency: { type: ['string', 'null'] }, orders: { type: 'integer' }, buyers: { type: 'integer' }, revenue: { type: 'number' } } } },
          days: { type: 'array', items: { type: 'object', properties: { day: { type: 'string', format: 'date' }, visitors: { type: 'integer' }, visits: { type: 'integer' }, orders: { type: 'integer' } } } },
        },
      },
      FeedbackFigures: {
        type: 'object',
        properties: {
          responses: { type: 'integer', description: '`feedback` events: answers to prompts and feedback given without one.' },
          unprompted: { type: 'integer', description: 'Of the responses, those given without a prompt (no `props.prompt`).' },
          shown: { type: 'integer', description: 'Prompts shown (`feedback_prompt`, action `shown`).' },
          dismissed: { type: 'integer', description: 'Prompts closed without an answer (action `dismissed`).' },
          response_rate: { type: ['number', 'null'], description: '(responses − unprompted) / shown, four decimals; null when no prompt was shown.' },
          average_rating: { type: ['number', 'null'], description: 'Mean rating, two decimals; null without a response.' },
          ratings: { type: 'object', description: 'Responses per rating 1–5.', properties: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, { type: 'integer' }])) },
        },
      },
      FeedbackDay: {
        type: 'object',
        description: 'A day of the report’s `tz`, as whole UTC hours.',
        properties: { day: { type: 'string', format: 'date' }, responses: { type: 'integer' }, shown: { type: 'integer' }, response_rate: { type: ['number', 'null'] }, average_rating: { type: ['number', 'null'] } },
      },
      FeedbackReport: {
        allOf: [
          { $ref: '#/components/schemas/FeedbackFigures' },
          {
            type: 'object',
            properties: {
              site: { type: 'string' },
              from: { type: 'string', format: 'date-time' },
              to: { type: 'string', format: 'date-time' },
              tz: { type: 'string' },
              channel: { type: ['array', 'null'], items: { type: 'string' } },
              device: { type: ['array', 'null'], items: { type: 'string' } },
              persona: { type: ['array', 'null'], items: { type: 'string' } },
              stages: {
                type: 'array',
                description: 'The five stages in order; a feedback counts under the stage it is `about`.',
                items: { allOf: [{ $ref: '#/components/schemas/FeedbackFigures' }, { type: 'object', properties: { stage: { enum: STAGES }, days: { type: 'array', items: { $ref: '#/components/schemas/FeedbackDay' } } } }] },
              },
              prompts: {
                type: 'array',
                description: 'Each prompt id with its stage, in stage then id order.',
                items: { allOf: [{ $ref: '#/components/schemas/FeedbackFigures' }, { type: 'object', properties: { prompt: { type: 'string' }, stage: { enum: STAGES }, days: { type: 'array', items: { $ref: '#/components/schemas/FeedbackDay' } } } }] },
              },
              days: { type: 'array', items: { $ref: '#/components/schemas/FeedbackDay' } },
              comments: {
                type: 'array',
                description: 'The latest comments of the range (at most 20), newest first, as stored: cut to 2000 chars, e-mail addresses replaced by `redacted`. Plain text: show them as text.',
                items: {
                  type: 'object',
                  properties: {
                    at: { type: 'string', format: 'date-time' },
                    visitor: { type: 'string' },
                    stage: { enum: STAGES },
                    prompt: { type: ['string', 'null'] },
                    rating: { type: ['integer', 'null'] },
                    comment: { type: 'string' },
                    journey: { type: 'string', description: 'Path of the visitor’s journey report (same token).', example: '/v1/reports/journey?visitor=a_123' },
                  },
                },
              },
            },
          },
        ],
      },
      FlowTouchpoint: { type: 'object', properties: { type: { type: 'string' }, stage: { enum: STAGES } } },
      FlowsReport: {
        type: 'object',
        properties: {
          site: { type: 'string' },
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          tz: { type: 'string' },
          channel: { type: ['array', 'null'], items: { type: 'string' } },
          device: { type: ['array', 'null'], items: { type: 'string' } },
          persona: { type: ['array', 'null'], items: { type: 'string' } },
          start: { type: ['string', 'null'] },
          end: { type: ['string', 'null'] },
          steps: { type: 'integer' },
          visits: { type: 'integer', description: 'Visits of the group: started in the range, kept by the filters, with `start` and `end` when asked.' },
          visitors: { type: 'integer' },
          purchases: { type: 'integer', description: 'Visits of the group whose followed touchpoints include an order_complete.' },
          nodes: {
            type: 'array',
            description: 'In stage order, then by visits.',
            items: {
              type: 'object',
              properties: {
                type: { type: 'string' },
                stage: { enum: STAGES },
                visits: { type: 'integer', description: 'Visits through the node (once each, loops or not).' },
                visitors: { type: 'integer' },
                share: { type: ['number', 'null'], description: 'visits / the group’s visits.' },
                entries: { type: 'integer', description: 'Visits of the group that start here.' },
                exits: { type: 'integer', description: 'Visits whose last touchpoint is this one.' },
                exit_rate: { type: ['number', 'null'], description: 'exits / visits.' },
                continued: { type: 'integer', description: 'Visits cut here by `steps` or `end` that went on.' },
                reached_next_stage: { type: 'integer', description: 'Visits that reached a later stage after this node.' },
                median_ms_to_next_stage: { type: ['number', 'null'], description: 'Median time from the node (its first time in the visit) to the visit’s next touchpoint of a later stage.' },
              },
            },
          },
          links: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { $ref: '#/components/schemas/FlowTouchpoint' },
                to: { $ref: '#/components/schemas/FlowTouchpoint' },
                direction: { enum: ['forward', 'within', 'back'] },
                visits: { type: 'integer', description: 'Visits making the move at least once.' },
                transitions: { type: 'integer', description: 'Times the move was made.' },
              },
            },
          },
          paths_to_purchase: {
            type: 'object',
            description: `The ${TOP_PATHS} commonest paths from the visit’s start to its first order_complete (repeats of one type in a row shown once), and the rest as \`other\`: their visits add up to \`purchases\`.`,
            properties: {
              top: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: { type: 'string' } }, visits: { type: 'integer' }, share: { type: ['number', 'null'] } } } },
              other: { type: 'object', properties: { paths: { type: 'integer' }, visits: { type: 'integer' }, share: { type: ['number', 'null'] } } },
            },
          },
          time_to_purchase: {
            type: 'object',
            description: `Per buyer of the range: from the start of their first visit in the range to their first order_complete in it. Buckets: ${TIME_BUCKETS.map((b) => b.label).join(', ')}.`,
            properties: {
              buyers: { type: 'integer' },
              median_ms: { type: ['number', 'null'] },
              distribution: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, from_ms: { type: 'integer' }, to_ms: { type: ['integer', 'null'] }, buyers: { type: 'integer' } } } },
            },
          },
          visits_to_purchase: {
            type: 'object',
            description: 'Per buyer: how many of their visits in the range it took, the ordering one included.',
            properties: {
              buyers: { type: 'integer' },
              median: { type: ['number', 'null'] },
              distribution: { type: 'array', items: { type: 'object', properties: { visits: { enum: ['1', '2', '3', '4', '5+'] }, buyers: { type: 'integer' } } } },
            },
          },
        },
      },
      Persona: {
        type: 'object',
        required: ['key', 'name', 'when'],
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' },
          name: { type: 'string', maxLength: PERSONA_LIMITS.nameLength },
          description: { type: 'string', maxLength: PERSONA_LIMITS.descriptionLength },
          when: { $ref: '#/components/schemas/PersonaWhen' },
        },
      },
      PersonaWhen: {
        description: `A condition {field, eq|in|gte|lte|exists} over a visitor feature, or {all: [...]}, {any: [...]}, {not: {...}}; at most ${PERSONA_LIMITS.depth} deep and ${PERSONA_LIMITS.conditionsPerPersona} conditions. Features and their definitions: docs/analytics.md, "Personas".`,
        oneOf: [
          {
            type: 'object',
            required: ['field'],
            properties: {
              field: { enum: Object.keys(PERSONA_FIELDS) },
              eq: { type: ['string', 'number'] },
              in: { type: 'array', maxItems: PERSONA_LIMITS.inValues, items: { type: ['string', 'number'] } },
              gte: { type: 'number' },
              lte: { type: 'number' },
              exists: { type: 'boolean' },
            },
          },
          { type: 'object', required: ['all'], properties: { all: { type: 'array', items: { $ref: '#/components/schemas/PersonaWhen' } } } },
          { type: 'object', required: ['any'], properties: { any: { type: 'array', items: { $ref: '#/components/schemas/PersonaWhen' } } } },
          { type: 'object', required: ['not'], properties: { not: { $ref: '#/components/schemas/PersonaWhen' } } },
        ],
      },
      PersonaReport: {
        type: 'object',
        properties: {
          site: { type: 'string' },
          from: { type: 'string', format: 'date-time' },
          to: { type: 'string', format: 'date-time' },
          tz: { type: 'string' },
          channel: { type: ['array', 'null'], items: { type: 'string' } },
          device: { type: ['array', 'null'], items: { type: 'string' } },
          default_personas: { type: 'boolean' },
          visitors: { type: 'integer' },
          personas: {
            type: 'array',
            description: 'The site’s personas in rule order, then `other`.',
            items: {
              type: 'object',
              properties: {
                key: { type: 'string' },
                name: { type: 'string' },
                description: { type: 'string' },
                when: { oneOf: [{ $ref: '#/components/schemas/PersonaWhen' }, { type: 'null' }] },
                visitors: { type: 'integer' },
                share: { type: ['number', 'null'] },
                stages: { type: 'array', items: { type: 'object', properties: { stage: { enum: STAGES }, reached: { type: 'integer' }, conversion_to_next: { type: ['number', 'null'] }, drop_off_to_next: { type: ['integer', 'null'] } } } },
                orders: { type: 'integer' },
                buyers: { type: 'integer' },
                conversion: { type: ['number', 'null'], description: 'buyers / visitors' },
                revenue: { type: 'array', items: { type: 'object', properties: { currency: { type: ['string', 'null'] }, orders: { type: 'integer' }, revenue: { type: 'number' }, average_order_value: { type: 'number' } } } },
                top_channels: { type: 'array', items: { type: 'object', properties: { channel: { type: 'string' }, landings: { type: 'integer' }, visitors: { type: 'integer' } } } },
                abandoned_carts: { type: 'object', properties: { visitors: { type: 'integer' }, cart_visitors: { type: 'integer' }, rate: { type: ['number', 'null'] } } },
              },
            },
          },
        },
      },
      Journey: {
        type: 'object',
        properties: {
          site: { type: 'string' },
          visitor: { type: 'string' },
          first_seen: { type: ['string', 'null'], format: 'date-time' },
          last_seen: { type: ['string', 'null'], format: 'date-time' },
          furthest_stage: { enum: [...STAGES, null] },
          visits: { type: 'array', items: { type: 'object', properties: { session: { type: 'string' }, started_at: { type: 'string' }, ended_at: { type: 'string' }, channel: { type: ['string', 'null'] }, search_engine: { type: ['string', 'null'] }, touchpoints: { type: 'integer' } } } },
          touchpoints: { type: 'array', items: { $ref: '#/components/schemas/ExportRecord' } },
          truncated: { type: 'boolean', description: 'True past 5000 touchpoints: narrow with from/to.' },
          personas: {
            type: ['object', 'null'],
            description: 'The visitor’s personas now: the primary one, each one matched with the features its rule tests, and every feature (null for a visitor with no touchpoint stored).',
            properties: { primary: { type: 'string' }, matching: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, because: { type: 'object' } } } }, features: { type: 'object' } },
          },
        },
      },
    },
  },
} as const;
