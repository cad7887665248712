import { describe, expect, it } from 'vitest';
import { availableThemePacks, loadLexicon, loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';
import { compileThemes } from '../../../src/nlp/themes.js';

const transport = createAnalyzer({ themes: loadThemePacks(['general', 'transport']), lexicon: loadLexicon() });
const automotive = createAnalyzer({ themes: loadThemePacks(['general', 'automotive']), lexicon: loadLexicon() });
const themes = (a: typeof transport, text: string) => Object.fromEntries(a.analyze({ text }).themes.map((t) => [t.theme, t.label]));

describe('transport pack', () => {
  it('delays, baggage and crew complaints get their themes, negative', () => {
    expect(themes(transport, 'Flight delayed 3 hours and I missed my connection')).toMatchObject({ delays: 'negative' });
    expect(themes(transport, 'You lost my luggage and nobody at the desk cares')).toMatchObject({ baggage: 'negative' });
    expect(themes(transport, 'The flight attendant was so rude to my mother')).toMatchObject({ 'crew-onboard': 'negative' });
  });

  it('waiting is one theme for a carrier: delays replaces speed-waiting, crew replaces staff', () => {
    const t = themes(transport, 'Waited an hour in the security line, staff were rude');
    expect(t).toMatchObject({ delays: 'negative', 'crew-onboard': 'negative' });
    expect(t).not.toHaveProperty('speed-waiting');
    expect(t).not.toHaveProperty('staff');
  });

  it('a cancelled flight is a cancellation, not a billing matter; a missing refund is', () => {
    const t = themes(transport, 'My flight was cancelled and still no refund');
    expect(t).toMatchObject({ cancellations: 'negative', 'billing-refunds-returns': 'negative' });
    expect(themes(transport, 'They cancelled my flight again')).not.toHaveProperty('billing-refunds-returns');
  });
});

describe('automotive pack', () => {
  it('dealership, financing, repairs and reliability get their themes', () => {
    expect(themes(automotive, 'The dealer was pushy and the finance manager added hidden fees')).toMatchObject({
      'dealership-sales': 'negative',
      financing: 'negative',
    });
    expect(themes(automotive, 'The transmission failed at 20k miles')).toEqual({ reliability: 'negative' });
    expect(themes(automotive, 'Check engine light came on again, third visit to the service center')).not.toHaveProperty('atmosphere');
  });
});

describe('no double counts across packs', () => {
  it('with every shipped pack loaded, no two reported themes are near-copies (the same terms under two ids)', () => {
    const compiled = compileThemes(loadThemePacks(availableThemePacks()));
    const sets = compiled.defs.map((d) => ({ id: d.id, terms: new Set(d.terms) }));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const a = sets[i]!;
        const b = sets[j]!;
        let shared = 0;
        for (const t of a.terms) if (b.terms.has(t)) shared++;
        const jaccard = shared / (a.terms.size + b.terms.size - shared);
        expect(jaccard, `${a.id} and ${b.id} share ${shared} terms`).toBeLessThan(0.4);
      }
    }
    expect(compiled.defs.map((d) => d.id)).not.toContain('price-value');
    expect(compiled.defs.map((d) => d.id)).not.toContain('atmosphere');
  });
});
