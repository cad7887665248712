import { describe, expect, it } from 'vitest';
import { loadThemePacks } from '../../../src/config/nlp-data.js';
import { createAnalyzer } from '../../../src/nlp/index.js';

const themesOf = (packs: string[], text: string) =>
  createAnalyzer({ themes: loadThemePacks(packs) }).analyze({ text }).themes.map((t) => t.theme);

/** Everyday words that share a Porter stem with a theme term ("up" with "ups", "important" with "import"). */
describe('everyday words are no theme for sharing a term\'s stem', () => {
  it.each([
    [['general'], 'We showed up at 7 and picked it up.', 'delivery-shipping'],
    [['general'], 'A light lunch, all set in ten minutes.', 'atmosphere'],
    [['automotive'], "I'm tired of waiting.", 'service-repairs'],
    [['banking'], 'Interesting, but I am not interested.', 'interest-rates'],
    [['software'], 'It is important to our customers.', 'features'],
    [['software'], 'The food was authentic.', 'account-login'],
    [['transport'], 'At one point the ground crew waved.', 'booking-checkin'],
    [['transport'], 'The ground crew waved.', 'cancellations'],
    [['transport'], 'We landed at 5.', 'seats-comfort'],
  ])('%s: "%s" is no %s', (packs, text, theme) => {
    expect(themesOf(packs, text)).not.toContain(theme);
  });

  it('the terms themselves still are', () => {
    expect(themesOf(['general'], 'UPS lost my package.')).toContain('delivery-shipping');
    expect(themesOf(['general'], 'The lighting was dim and the setting romantic.')).toContain('atmosphere');
    expect(themesOf(['automotive'], 'They rotated the tires.')).toContain('service-repairs');
    expect(themesOf(['banking'], 'The interest rate went up.')).toContain('interest-rates');
    expect(themesOf(['software'], 'Import from CSV is broken.')).toContain('features');
    expect(themesOf(['transport'], 'My points never posted.')).toContain('booking-checkin');
    expect(themesOf(['transport'], 'The flight was grounded.')).toContain('cancellations');
    expect(themesOf(['transport'], 'Smooth landing.')).toContain('seats-comfort');
  });
});
