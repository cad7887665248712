import { Alert } from '../../../src/domain/alert.js';
import type { Mention } from '../../../src/domain/mention.js';
import { makeComplaint, makeMention } from '../store/fixtures.js';

/** A stored-shape alert for channel tests: a negative spike on northwind with two linked examples. */
export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return Alert.parse({
    _id: 'nw-negative:2024-03-02T10:00',
    rule: 'nw-negative',
    kind: 'negative_spike',
    brand: 'northwind',
    filters: {},
    window: { from: '2024-03-01T10:00:00Z', to: '2024-03-02T10:00:00Z' },
    baseline: { from: '2024-02-02T10:00:00Z', to: '2024-03-01T10:00:00Z' },
    observed: 23,
    expected: 4.1,
    unit: 'mentions',
    sample: 31,
    pValue: 2.5e-9,
    severity: 'high',
    summary: 'northwind, last 24h: 23 negative mentions vs 4.1 expected (5.6×, p=2.5e-9).',
    examples: [
      { id: 'm1', url: 'https://reviews.example/nw/1', source: 'cafe-reviews', title: 'Charged twice', text: 'The app charged me twice & <no> refund.', stars: 1, publishedAt: '2024-03-02T08:00:00Z' },
      { id: 'm2', url: 'https://reviews.example/nw/2', source: 'city-guide', text: 'Double payment again.', publishedAt: '2024-03-02T07:00:00Z' },
    ],
    state: 'open',
    createdAt: '2024-03-02T10:00:05Z',
    channels: ['hook'],
    ...overrides,
  });
}

export const AT = '2024-03-29T12:00:00.000Z';
const DAY = 86_400_000;

/** 28 quiet days (2 complaints a day among 10 mentions), then 18 complaints in the last 24 hours. */
export function history(): Mention[] {
  const out: Mention[] = [];
  const end = new Date(AT).getTime();
  for (let d = 1; d <= 30; d++) {
    for (let i = 0; i < 10; i++) {
      const publishedAt = new Date(end - d * DAY - i * 3_600_000 - 1800_000);
      out.push(i < 2 ? makeComplaint({ externalId: `q${d}-${i}`, publishedAt }) : makeMention({ externalId: `q${d}-${i}`, publishedAt }));
    }
  }
  for (let i = 0; i < 18; i++) {
    out.push(makeComplaint({ externalId: `s${i}`, publishedAt: new Date(end - (i + 1) * 1_000_000), engagement: { likes: i, shares: 0, comments: 0, upvotes: 0, views: 0 } }));
  }
  return out;
}

