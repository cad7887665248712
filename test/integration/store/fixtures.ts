import type { z } from 'zod';
import { Mention } from '../../../src/domain/index.js';
import { mentionId } from '../../../src/store/ids.js';

export type MentionInput = z.input<typeof Mention>;

let seq = 0;

/**
 * A valid Mention (parsed by the zod schema) for brand `acme` from a review site, positive, about
 * delivery. `overrides` replace top-level fields; `_id` follows `source.kind` + `externalId` unless given.
 */
export function makeMention(overrides: Partial<MentionInput> = {}): Mention {
  seq += 1;
  const source = overrides.source ?? { kind: 'reviews-jsonld', name: 'trustsite', url: 'https://reviews.example/acme' };
  const externalId = overrides.externalId ?? `r${seq}`;
  const brand = overrides.brand ?? 'acme';
  return Mention.parse({
    _id: `${brand}:${mentionId(source.kind, externalId)}`,
    brand,
    source,
    externalId,
    url: `https://reviews.example/acme/${externalId}`,
    author: { name: 'Ann Example' },
    title: 'Quick delivery',
    text: 'Delivery was quick and the staff were friendly.',
    lang: 'en',
    rating: { value: 4, best: 5 },
    stars: 4,
    publishedAt: new Date('2024-03-01T10:00:00Z'),
    collectedAt: new Date('2024-03-02T08:00:00Z'),
    engagement: { likes: 2, shares: 1, comments: 0, upvotes: 3, views: 100 },
    sentiment: { score: 0.6, label: 'positive', explain: [{ token: 'quick', weight: 0.4, rules: [] }] },
    themes: [{ theme: 'delivery', score: 0.6, label: 'positive', evidence: 'Delivery was quick' }],
    intents: ['recommend'],
    analyzerVersion: 'test-1',
    ...overrides,
  });
}

/** A negative, churn-leaning mention about support (for rollup and report tests). */
export function makeComplaint(overrides: Partial<MentionInput> = {}): Mention {
  return makeMention({
    title: 'Never again',
    text: 'Support ignored me for a week, I am cancelling.',
    rating: { value: 1, best: 5 },
    stars: 1,
    engagement: { likes: 10, shares: 0, comments: 4, upvotes: 0, views: 0 },
    sentiment: { score: -0.7, label: 'negative', explain: [] },
    themes: [{ theme: 'support', score: -0.7, label: 'negative', evidence: 'Support ignored me' }],
    intents: ['churn', 'complaint'],
    ...overrides,
  });
}

/** `n` mentions spread over `days` UTC days from 2024-01-01 and two sources; every third is negative. */
export function manyMentions(n: number, days = 30): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < n; i++) {
    const publishedAt = new Date(Date.UTC(2024, 0, 1 + (i % days), i % 24, i % 60));
    const source = i % 2 === 0
      ? { kind: 'reviews-jsonld' as const, name: 'trustsite' }
      : { kind: 'reddit' as const, name: 'reddit' };
    const base = { externalId: `bulk${i}`, source, publishedAt };
    out.push(i % 3 === 0 ? makeComplaint(base) : makeMention(base));
  }
  return out;
}
