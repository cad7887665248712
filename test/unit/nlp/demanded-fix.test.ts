import { describe, expect, it } from 'vitest';
import { analyzer, sentiment } from './helpers.js';

const demanded = (text: string) => sentiment(text).explain.some((e) => e.rules.includes('demanded fix'));
const themeLabel = (text: string, theme: string) => analyzer().analyze({ text }).themes.find((h) => h.theme === theme)?.label;

describe('a fix asked of the business ("they need to improve their service", "Fix your app!")', () => {
  it('a verb of fixing after a modal, in the passive, as a gerund, an imperative or a request is a complaint', () => {
    for (const text of [
      'They really need to improve their customer service.',
      'The website needs to be fixed.',
      'You might want to fix this line.',
      'They should hire more servers.',
      'They should have fixed it.',
      'It should have been addressed.',
      'They have to step up their game.',
      'The bathrooms need cleaning.',
      'Management needs to train the staff.',
      'Fix your app!',
      'Please fix the app.',
      'Improve the seating please.',
      'Sort out your website.',
      'Can you please fix this?',
      'This location needs a complete overhaul.',
      'The place could use a makeover.',
      'The app needs an update.',
    ]) {
      expect(demanded(text), text).toBe(true);
      expect(sentiment(text).label, text).toBe('negative');
    }
  });

  it('the thing named takes the blame, where "improve" alone would have praised it', () => {
    expect(themeLabel('They really need to improve their service.', 'service')).toBe('negative');
    expect(themeLabel('They improved the service.', 'service')).toBe('positive');
  });

  it('not a fix made, denied, the writer\'s own, a person told, or a noun', () => {
    for (const text of [
      'They improved the menu.',
      'They fixed it fast.',
      "You don't need to fix anything.",
      'I need to work on my diet.',
      'We should really improve our cooking at home.',
      'Can you update me on my flight?',
      'Can you upgrade me to first class?',
      'It must have been fixed already.',
      'Hire car was great.',
      'Train was late.',
      'Is the app fixed?',
      'The app got an update.',
      'I need a makeover.',
    ]) {
      expect(demanded(text), text).toBe(false);
    }
    expect(sentiment('They improved the menu.').label).toBe('positive');
  });
});
