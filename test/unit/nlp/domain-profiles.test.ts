import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMention } from '../../../pipelines/analyze.js';
import { loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { Brand } from '../../../src/domain/brand.js';
import { RawItem } from '../../../src/domain/raw-item.js';
import { createAnalyzer, profileForSource } from '../../../src/nlp/index.js';

const lexicon = loadLexicon();
const analyzer = createAnalyzer({ themes: loadThemePacks(['general']), lexicon });
const as = (profile: 'reviews' | 'social', text: string) => analyzer.analyze({ text, profile }).sentiment;

describe('lexicon profiles by source family (reviews vs social)', () => {
  it('the source kind picks the profile: review pages and app stores are reviews, searched posts are social', () => {
    expect(profileForSource({ kind: 'reviews-jsonld' })).toBe('reviews');
    expect(profileForSource({ kind: 'appstore' })).toBe('reviews');
    expect(profileForSource({ kind: 'reddit' })).toBe('social');
    expect(profileForSource({ kind: 'mastodon' })).toBe('social');
    expect(profileForSource({ kind: 'rss' })).toBe('social');
  });

  it("a source's nlpProfile overrides its kind's family", () => {
    expect(profileForSource({ kind: 'rss', nlpProfile: 'reviews' })).toBe('reviews');
    expect(profileForSource({ kind: 'appstore', nlpProfile: 'social' })).toBe('social');
  });

  it('a phrase can mean one thing in reviews and another in posts ("first class": praise vs a cabin)', () => {
    expect(as('reviews', 'First class service from the whole team').label).toBe('positive');
    expect(as('social', 'Flying first class to Denver tomorrow').label).toBe('neutral');
    expect(as('reviews', 'Flying first class to Denver tomorrow').label).toBe('positive');
  });

  it('in posts a complaint outweighs the courtesy around it, and the explanation says so', () => {
    const text = 'Great crew, lost bag.';
    expect(as('reviews', text).label).toBe('positive');
    const social = as('social', text);
    expect(social.label).toBe('negative');
    const lost = social.explain.find((e) => e.token === 'lost');
    expect(lost?.rules).toContain('negativity');
    expect(lost?.steps?.at(-1)).toEqual({ rule: 'negativity', weight: lost?.weight });
    expect(as('reviews', text).explain.some((e) => e.rules.includes('negativity'))).toBe(false);
  });

  it('without a profile the analyzer scores as reviews (its default), and an analyzer can default to social', () => {
    const text = 'Flying first class to Denver tomorrow';
    expect(analyzer.analyze({ text }).sentiment).toEqual(as('reviews', text));
    const social = createAnalyzer({ lexicon, profile: 'social' });
    expect(social.analyze({ text }).sentiment.label).toBe('neutral');
  });

  it('a lexicon file with `profile:` applies to that profile only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-lex-'));
    writeFileSync(join(dir, 'posts.yaml'), 'profile: social\nwords:\n  ratio: -2\nnegativeWeight: 1.5\n');
    const a = createAnalyzer({ lexicon: loadLexicon({ dir }) });
    expect(a.analyze({ text: 'ratio', profile: 'social' }).sentiment.label).toBe('negative');
    expect(a.analyze({ text: 'ratio', profile: 'reviews' }).sentiment.label).toBe('neutral');
  });

  it('in posts, request words are requests only when the post is addressed to someone (an @handle)', () => {
    // To a brand, "hope you can help" asks; to no one, "I hope" is the writer's feeling.
    expect(as('social', '@united I hope you can help me').label).toBe('neutral');
    expect(as('social', '@united please help, yes I did call').label).toBe('neutral');
    expect(as('social', 'I hope everyone stays safe this weekend').label).toBe('positive');
    expect(as('social', 'Yes! Finally home').label).toBe('positive');
    // The handle may stand anywhere, but an e-mail address addresses no one.
    expect(as('social', 'I hope you can help @united').label).toBe('neutral');
    expect(as('social', 'I hope someone from support@acme.com reads this').label).toBe('positive');
    // Reviews keep them neutral either way ("I hope it lasts").
    expect(as('reviews', 'I hope it lasts').label).toBe('neutral');
    // A complaint stays a complaint addressed or not.
    expect(as('social', 'please help, my bag is lost').label).toBe('negative');
  });

  it("a lexicon file's `addressed` entries apply to addressed texts of its profile only", () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-lex-'));
    writeFileSync(join(dir, 'posts.yaml'), 'profile: social\nwords:\n  ratio: -2\naddressed:\n  words:\n    ratio: 0\n');
    const a = createAnalyzer({ lexicon: loadLexicon({ dir }) });
    expect(a.analyze({ text: 'ratio', profile: 'social' }).sentiment.label).toBe('negative');
    expect(a.analyze({ text: '@acme ratio', profile: 'social' }).sentiment.label).toBe('neutral');
    expect(a.analyze({ text: '@acme ratio', profile: 'reviews' }).sentiment.label).toBe('neutral');
    // Back and forth between the two readings in one analyzer: each text gets its own.
    expect(a.analyze({ text: 'ratio', profile: 'social' }).sentiment.label).toBe('negative');
  });

  it('a bad `addressed` entry fails with one line naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-lex-'));
    writeFileSync(join(dir, 'bad.yaml'), 'profile: social\naddressed:\n  words:\n    meh: -9\n');
    expect(() => loadLexicon({ dir })).toThrowError(/bad\.yaml: addressed\.words\.meh: /);
    writeFileSync(join(dir, 'bad.yaml'), 'profile: social\naddressed:\n  emoji:\n    x: 1\n');
    expect(() => loadLexicon({ dir })).toThrowError(/bad\.yaml: addressed: /);
  });

  it('a bad profile in a lexicon file fails with one line naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-lex-'));
    writeFileSync(join(dir, 'bad.yaml'), 'profile: tweets\nwords:\n  meh: -1\n');
    expect(() => loadLexicon({ dir })).toThrowError(/bad\.yaml: profile: /);
  });

  it('the pipeline scores a Reddit post as social and a review page as reviews, and follows the config override', () => {
    const brand = Brand.parse({
      id: 'acme', name: 'Acme',
      sources: [
        { kind: 'reddit', name: 'r' },
        { kind: 'reviews-jsonld', name: 'shop', url: 'https://shop.example/acme' },
        { kind: 'mastodon', name: 'toots', url: 'https://social.example', nlpProfile: 'reviews' },
      ],
    });
    const item = (kind: 'reddit' | 'reviews-jsonld' | 'mastodon', name: string) => RawItem.parse({
      brand: 'acme', source: { kind, name }, externalId: `${name}-1`, url: 'https://x.example/1',
      text: 'Flying first class with Acme tomorrow', publishedAt: '2026-01-01', collectedAt: '2026-01-02',
    });
    expect(toMention(item('reddit', 'r'), brand).sentiment.label).toBe('neutral');
    expect(toMention(item('reviews-jsonld', 'shop'), brand).sentiment.label).toBe('positive');
    expect(toMention(item('mastodon', 'toots'), brand).sentiment.label).toBe('positive');
  });
});
