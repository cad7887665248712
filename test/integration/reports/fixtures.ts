import type { z } from 'zod';
import { Brand } from '../../../src/domain/brand.js';
import { Mention } from '../../../src/domain/mention.js';
import { mentionId } from '../../../src/store/ids.js';
import { refreshRollups, touchedBuckets } from '../../../src/store/rollups.js';
import type { Store } from '../../../src/store/store.js';

type In = z.input<typeof Mention>;
const TRUST = { kind: 'reviews-jsonld' as const, name: 'trustsite', url: 'https://reviews.example/acme' };
const REDDIT = { kind: 'reddit' as const, name: 'reddit' };

/** One mention with everything a report reads; ids follow `brand:kind:externalId`. */
export function m(brand: string, externalId: string, o: Partial<In> & { day: string; label: 'positive' | 'negative' | 'neutral'; score: number }): Mention {
  const source = o.source ?? TRUST;
  const { day, label, score, ...rest } = o;
  return Mention.parse({
    _id: `${brand}:${mentionId(source.kind, externalId)}`,
    brand,
    source,
    externalId,
    url: `https://reviews.example/${brand}/${externalId}`,
    author: {},
    text: `Mention ${externalId}`,
    lang: 'en',
    publishedAt: new Date(`${day}T12:00:00Z`),
    collectedAt: new Date(`${day}T13:00:00Z`),
    sentiment: { score, label, explain: [] },
    themes: [],
    intents: [],
    analyzerVersion: 'test',
    ...rest,
  });
}

const theme = (t: string, label: 'positive' | 'negative' | 'neutral', score: number) => ({ theme: t, label, score, evidence: t });

/**
 * The hand-built fixture with known answers (see test/integration/reports/*.test.ts):
 * range 2024-03-04 … 2024-03-17 (two ISO weeks), previous period 2024-02-19 … 2024-03-03.
 */
export function acmeFixture(): Mention[] {
  const ann = { name: 'Ann', handle: 'ann', followers: 1000, url: 'https://reviews.example/u/ann' };
  return [
    m('acme', 'm1', { day: '2024-03-04', label: 'positive', score: 0.8, stars: 5, author: ann, intents: ['recommend'], themes: [theme('delivery', 'positive', 0.7)], engagement: { likes: 50, shares: 5, comments: 0, upvotes: 0, views: 0 }, text: 'Fast delivery, I recommend them to everyone.' }),
    m('acme', 'm2', { day: '2024-03-05', label: 'negative', score: -0.6, stars: 1, author: { name: 'Bob', handle: 'bob', followers: 10 }, intents: ['churn', 'complaint'], competitors: ['bluebird'], themes: [theme('support', 'negative', -0.6)], engagement: { likes: 10, shares: 0, comments: 4, upvotes: 0, views: 0 }, text: 'Support ignored me, switching to Bluebird.' }),
    m('acme', 'm3', { day: '2024-03-06', label: 'neutral', score: 0, source: REDDIT, author: { handle: 'carl' }, themes: [theme('price', 'neutral', 0)], text: 'Prices are what they are.' }),
    m('acme', 'm4', { day: '2024-03-12', label: 'positive', score: 0.5, stars: 4, author: ann, intents: ['recommend'], themes: [theme('delivery', 'positive', 0.5)], engagement: { likes: 3, shares: 0, comments: 1, upvotes: 0, views: 0 }, text: 'Delivered on time again.' }),
    m('acme', 'm5', { day: '2024-03-13', label: 'negative', score: -0.4, stars: 2, author: { name: 'Dee' }, themes: [theme('delivery', 'negative', -0.5)], text: 'Parcel arrived late and damaged.' }),
    // A syndicated copy of m5: must count nowhere.
    m('acme', 'm6', { day: '2024-03-13', label: 'negative', score: -0.4, stars: 2, source: REDDIT, author: { name: 'Dee' }, themes: [theme('delivery', 'negative', -0.5)], intents: ['churn'], duplicateOf: 'acme:reviews-jsonld:m5', text: 'Parcel arrived late and damaged.' }),
    // Previous period.
    m('acme', 'p1', { day: '2024-02-20', label: 'positive', score: 0.9, stars: 5, themes: [theme('delivery', 'positive', 0.9)] }),
    m('acme', 'p2', { day: '2024-02-25', label: 'positive', score: 0.6, stars: 4 }),
    // Outside both periods.
    m('acme', 'o1', { day: '2024-01-10', label: 'negative', score: -0.9, stars: 1 }),
    // The competitor, crawled as its own brand.
    m('bluebird', 'c1', { day: '2024-03-05', label: 'positive', score: 0.6, stars: 5, themes: [theme('support', 'positive', 0.6)] }),
    m('bluebird', 'c2', { day: '2024-03-06', label: 'negative', score: -0.5, stars: 2, themes: [theme('delivery', 'negative', -0.5)] }),
    m('bluebird', 'c3', { day: '2024-03-14', label: 'positive', score: 0.7, stars: 5 }),
  ];
}

/** acme's config: competitor bluebird (stored) and kettle (never crawled), and goals. */
export const acmeBrand: Brand = Brand.parse({
  id: 'acme',
  name: 'Acme',
  competitors: [
    { id: 'bluebird', name: 'Bluebird' },
    { id: 'kettle', name: 'Kettle & Co' },
  ],
  goals: [
    { metric: 'net_sentiment', min: 0.4 },
    { metric: 'share', theme: 'delivery', min: 0.5 },
    { metric: 'stars', min: 4.3 },
    { metric: 'negative_share', theme: 'support', max: 0.1 },
  ],
});

/** Stores the mentions and builds their rollups, as the ingest stage would. */
export async function seed(store: Store, mentions: Mention[]): Promise<void> {
  await store.upsertMentions(mentions);
  await refreshRollups(store, touchedBuckets(mentions));
}

export const RANGE = { from: '2024-03-04', to: '2024-03-17' };
export const NOW = new Date('2024-03-18T00:00:00Z');
