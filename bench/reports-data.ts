import { prng } from '../src/demo/lib/prng.js';
import type { Mention } from '../src/domain/mention.js';
import type { SourceKind } from '../src/domain/source-kind.js';
import { rollupId } from '../src/store/ids.js';
import { themeKey, TOP_EXAMPLES } from '../src/store/rollups.js';
import type { Rollup } from '../src/store/store.js';

/**
 * Synthetic mentions for the reports benchmark: `total` mentions over `days` UTC days for `brands` brands, with a
 * weekly rhythm, four sources, themes, intents, stars, engagement and a complaint phrase that appears in the last
 * week. Deterministic (seeded). Rollups are accumulated exactly as `src/store/rollups.ts` computes them.
 */

const SOURCES: Array<{ name: string; kind: SourceKind; rated: boolean }> = [
  { name: 'trustsite', kind: 'reviews-jsonld', rated: true },
  { name: 'appstore', kind: 'appstore', rated: true },
  { name: 'reddit', kind: 'reddit', rated: false },
  { name: 'news', kind: 'rss', rated: false },
];
const THEMES = ['delivery', 'price', 'support', 'quality', 'app', 'staff', 'cleanliness', 'payments'];
const WORDS = 'order coffee barista latte staff queue table service cup milk pastry price app wait counter morning friendly slow tasty cold warm'.split(' ');
const DAY_MS = 86_400_000;

export interface GenOptions {
  total: number;
  days: number;
  brands: string[];
  /** Last day (UTC midnight after it is the end). */
  end: Date;
}

/**
 * Calls `onMention` for every generated mention (in day order) and returns the rollups of all of them.
 * Mentions are built one at a time, so a million never sit in memory together.
 */
export function generate(opts: GenOptions, onMention: (m: Mention) => void): Rollup[] {
  const rand = prng(20240301);
  const rollups = new Map<string, Rollup>();
  const endDay = Math.floor(opts.end.getTime() / DAY_MS) * DAY_MS;
  const firstDay = endDay - (opts.days - 1) * DAY_MS;
  // Weekends busier: weights per weekday, normalised so the year holds `total` mentions.
  const weight = (d: number) => ([0, 6].includes(new Date(d).getUTCDay()) ? 1.4 : 0.84);
  let weightSum = 0;
  for (let d = firstDay; d <= endDay; d += DAY_MS) weightSum += weight(d);
  let seq = 0;
  let carry = 0;
  for (let d = firstDay; d <= endDay; d += DAY_MS) {
    const exact = (opts.total * weight(d)) / weightSum + carry;
    const today = Math.floor(exact);
    carry = exact - today;
    const day = new Date(d).toISOString().slice(0, 10);
    const lastWeek = endDay - d < 7 * DAY_MS;
    for (let i = 0; i < today; i++) {
      const brand = opts.brands[seq % opts.brands.length]!;
      const src = SOURCES[Math.floor(rand() * SOURCES.length)]!;
      const r = rand();
      const label: 'positive' | 'neutral' | 'negative' = r < 0.55 ? 'positive' : r < 0.8 ? 'neutral' : 'negative';
      const score = label === 'positive' ? 0.3 + rand() * 0.7 : label === 'negative' ? -0.3 - rand() * 0.7 : rand() * 0.2 - 0.1;
      const stars = src.rated ? (label === 'positive' ? 4 + Math.round(rand()) : label === 'negative' ? 1 + Math.floor(rand() * 3) : 3) : undefined;
      const themeCount = Math.floor(rand() * 3);
      const themes = Array.from(new Set(Array.from({ length: themeCount }, () => THEMES[Math.floor(rand() * THEMES.length)]!))).map((theme) => ({
        theme,
        score,
        label,
        evidence: theme,
      }));
      const intents: Mention['intents'] = [];
      if (label === 'negative' && rand() < 0.15) intents.push('churn');
      if (label === 'positive' && rand() < 0.15) intents.push('recommend');
      const spike = lastWeek && label === 'negative' && rand() < 0.3;
      const words = Array.from({ length: 8 }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');
      const text = `${spike ? 'Charged twice by the app. ' : ''}The ${words}.`;
      const likes = Math.floor(rand() * rand() * 200);
      const publishedAt = new Date(d + Math.floor(rand() * DAY_MS));
      const m: Mention = {
        _id: `${brand}:${src.kind}:b${seq}`,
        brand,
        source: { kind: src.kind, name: src.name },
        externalId: `b${seq}`,
        url: `https://bench.example/${brand}/${seq}`,
        author: { handle: `user${Math.floor(rand() * 5000)}`, followers: Math.floor(rand() * 2000) },
        text,
        lang: 'en',
        ...(stars !== undefined ? { stars, rating: { value: stars, best: 5, worst: 1 } } : {}),
        publishedAt,
        collectedAt: publishedAt,
        engagement: { likes, shares: Math.floor(likes / 10), comments: Math.floor(likes / 5), upvotes: 0, views: likes * 20 },
        sentiment: { score, label, explain: [], scored: true },
        themes,
        intents,
        competitors: [],
        analyzerVersion: 'bench',
      };
      seq++;
      addToRollup(rollups, m, day);
      onMention(m);
    }
  }
  return [...rollups.values()];
}

function addToRollup(rollups: Map<string, Rollup>, m: Mention, day: string): void {
  const key = { brand: m.brand, day, source: m.source.name };
  const id = rollupId(key);
  let r = rollups.get(id);
  if (!r) {
    r = { _id: id, ...key, date: new Date(`${day}T00:00:00.000Z`), sourceKind: m.source.kind, total: 0, positive: 0, negative: 0, neutral: 0, scoreSum: 0, starsSum: 0, starsCount: 0, churn: 0, recommend: 0, engagement: 0, nps: { ratedPromoters: 0, ratedPassives: 0, textPromoters: 0, textDetractors: 0 }, themes: {} };
    rollups.set(id, r);
  }
  r.total++;
  r[m.sentiment.label]++;
  r.scoreSum += m.sentiment.score;
  if (m.stars !== undefined) {
    r.starsSum += m.stars;
    r.starsCount++;
  }
  if (m.intents.includes('churn')) r.churn++;
  if (m.intents.includes('recommend')) r.recommend++;
  // The NPS classes of domain/nps.ts.
  const nps = r.nps!;
  if (m.stars !== undefined) {
    if (m.stars >= 4.5) nps.ratedPromoters++;
    else if (m.stars >= 3.5) nps.ratedPassives++;
  } else if (m.sentiment.label === 'negative' || m.intents.includes('churn')) nps.textDetractors++;
  else if (m.intents.includes('recommend') || (m.sentiment.label === 'positive' && m.sentiment.score >= 0.5)) nps.textPromoters++;
  const e = m.engagement!;
  r.engagement += e.likes + e.shares + e.comments + e.upvotes;
  for (const t of m.themes) {
    const k = themeKey(t.theme);
    const th = (r.themes[k] ??= { total: 0, positive: 0, negative: 0, neutral: 0, scoreSum: 0, starsSum: 0, starsCount: 0, churn: 0 });
    th.total++;
    th[t.label]++;
    th.scoreSum += t.score;
    if (m.stars !== undefined) {
      th.starsSum += m.stars;
      th.starsCount++;
    }
    if (m.intents.includes('churn')) th.churn++;
    if (t.label !== 'neutral') {
      // The rollups' example candidates, kept as the rollup pipeline's $topN keeps them.
      const dir = t.label === 'negative' ? 1 : -1;
      const byLabel = ((r.tops ??= {})[k] ??= {});
      byLabel[t.label] = [...(byLabel[t.label] ?? []), { id: m._id, score: t.score, eng: e.likes + e.shares + e.comments + e.upvotes }]
        .sort((a, b) => dir * (a.score - b.score) || b.eng - a.eng || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, TOP_EXAMPLES);
    }
  }
}
