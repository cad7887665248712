import { describe, expect, it } from 'vitest';
import { contentId, mentionId, rollupId } from '../../../src/store/ids.js';

describe('mention ids', () => {
  it('a short source id stays readable, and the same input always gives the same id', () => {
    expect(mentionId('appstore', '1234567')).toBe('appstore:1234567');
    expect(mentionId('reddit', 't3_abc')).toBe(mentionId('reddit', 't3_abc'));
  });

  it('long, spaced or non-ASCII ids are hashed to a fixed-length id that cannot collide with a readable one', () => {
    const url = `https://example.com/${'x'.repeat(200)}`;
    expect(mentionId('rss', url)).toMatch(/^rss#[0-9a-f]{24}$/);
    expect(mentionId('rss', 'a b')).toMatch(/^rss#[0-9a-f]{24}$/);
    expect(mentionId('rss', 'café')).toMatch(/^rss#/);
    expect(mentionId('rss', url)).toBe(mentionId('rss', url));
    expect(mentionId('rss', `${url}?2`)).not.toBe(mentionId('rss', url));
  });

  it('bad kinds and empty ids are refused instead of producing a junk _id', () => {
    expect(() => mentionId('Bad Kind', '1')).toThrow(/invalid source kind/);
    expect(() => mentionId('rss', '')).toThrow(/externalId is empty/);
  });

  it('a content hash ignores whitespace differences but not text or URL changes', () => {
    const a = contentId('Great  product\n', 'https://x.example/p');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(contentId(' Great product', 'https://x.example/p')).toBe(a);
    expect(contentId('Great products', 'https://x.example/p')).not.toBe(a);
    expect(contentId('Great product', 'https://x.example/q')).not.toBe(a);
  });

  it('rollup ids name brand, day and source', () => {
    expect(rollupId({ brand: 'acme', day: '2024-03-01', source: 'app store: US' })).toBe('acme:2024-03-01:app store: US');
  });
});
