import type { HnStorySeed } from './types.js';

export const hnStories: HnStorySeed[] = [
  {
    title: 'Northwind Coffee app update is double-charging customers', url: '/news/articles/northwind-app-double-charge',
    author: 'payments_pat', daysAgo: 0.5, points: 95,
    comments: [
      { author: 'idempotent', text: 'This is what idempotency keys are for. Retry on a timeout without one and you charge twice.', after: 1,
        replies: [{ author: 'stripe_sre', text: 'Or the client retried after a crash at checkout, which matches the reviews saying the app crashes first.', after: 2 }] },
      { author: 'coffeenerd', text: 'The Northwind app was always a bit flaky, but this is bad. Their refunds are slow too.', after: 3 },
      { author: 'throwaway_nw', text: 'Not speaking for the company, but a fix is rolling out. Refunds are automatic.', after: 6 },
    ],
  },
  {
    title: 'Ask HN: How do you make mobile payments idempotent?', author: 'jr_dev', daysAgo: 0.4, points: 41,
    text: 'After reading about the Northwind double-charge bug I realised our app has the same retry logic. What patterns do you use?',
    comments: [{ author: 'idempotent', text: 'Generate the key on the client before the first attempt and persist it with the cart.', after: 1 }],
  },
  {
    title: 'Show HN: Pixelpost – send your photos as real postcards', url: 'https://pixelpost.example/', author: 'pixelpost_founder',
    daysAgo: 62, points: 180,
    text: 'We built Pixelpost to make sending real mail as easy as a text. Prints on 350gsm card, mailed within 24h.',
    comments: [
      { author: 'printnerd', text: 'Print quality on the sample I ordered is excellent. How do you handle colour profiles?', after: 1,
        replies: [{ author: 'pixelpost_founder', text: 'We convert to the printer\'s CMYK profile server-side and show a soft-proof in the editor.', after: 2 }] },
      { author: 'skeptic42', text: 'How is this different from SnapMail?', after: 2,
        replies: [{ author: 'pixelpost_founder', text: 'Heavier card, handwriting fonts, and we reprint lost cards for free.', after: 3 }] },
      { author: 'mailman', text: 'Postage is the real cost here. Curious about your margins.', after: 5 },
    ],
  },
  {
    title: 'Pixelpost raises $12M Series A to bring back snail mail', url: '/news/articles/pixelpost-series-a',
    author: 'vcwatcher', daysAgo: 40, points: 64,
    comments: [{ author: 'mailman', text: 'Good for them. I use Pixelpost for my parents, works well.', after: 2 }],
  },
  {
    title: 'Brightline Bikes recalls Cargo Duo motor controllers', url: '/news/articles/brightline-cargo-recall',
    author: 'velo_vic', daysAgo: 9, points: 77,
    comments: [
      { author: 'ebike_eng', text: 'Motor controllers cutting out under load is scary on a cargo bike with kids. Good that they recalled.', after: 1 },
      { author: 'voltfan', text: 'Voltaro had a similar issue two years ago.', after: 4 },
    ],
  },
  {
    title: 'E-bike batteries and the right to repair', url: 'https://repair.example/ebike-batteries', author: 'fixit',
    daysAgo: 26, points: 210,
    comments: [
      { author: 'battery_bea', text: 'My Brightline battery died at 4 months and the cells are glued in. Warranty worked but slowly.', after: 2 },
      { author: 'ebike_eng', text: 'Voltaro uses standard 21700 cells with screws. Much easier to refurbish.', after: 3 },
    ],
  },
  {
    title: 'Northwind Traders sample database ported to SQLite', url: 'https://github.example/northwind-sqlite',
    author: 'dba_dan', daysAgo: 14, points: 120,
    comments: [{ author: 'sqlfan', text: 'The Northwind database taught a whole generation joins.', after: 1 }],
  },
  {
    title: 'The economics of specialty coffee chains', url: '/blog/posts/best-coffee-chains-ranked', author: 'econ_ed',
    daysAgo: 48, points: 88,
    comments: [
      { author: 'coffeenerd', text: 'Northwind is the interesting case: premium-ish pricing at chain scale. Bluebird Roasters stays small on purpose.', after: 2 },
      { author: '[deleted]', text: '[deleted]', after: 3 },
    ],
  },
  {
    title: 'Brightline train ridership doubles between Miami and Orlando', url: 'https://transit.example/brightline-ridership',
    author: 'railfan', daysAgo: 20, points: 150,
  },
  { title: 'Show HN: A tiny HTTP server in 300 lines of Rust', url: 'https://github.example/tiny-http', author: 'rustacean', daysAgo: 3, points: 240 },
  { title: 'Why everyone is rewriting their CLI tools', url: 'https://blog.example/cli-rewrites', author: 'termuser', daysAgo: 11, points: 55 },
];
