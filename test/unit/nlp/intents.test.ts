import { describe, expect, it } from 'vitest';
import { analyzer } from './helpers.js';

const intents = (text: string) => analyzer().analyze({ text }).intents;

describe('intents', () => {
  it.each([
    ['I highly recommend this place.', 'recommend'],
    ['Told all my friends about it.', 'recommend'],
    ["I can't recommend them enough!", 'recommend'],
    ['Switching to Vodafone next month.', 'churn'],
    ['I cancelled my subscription today.', 'churn'],
    ['Never again.', 'churn'],
    ["We won't be back.", 'churn'],
    ['Going back to Spotify.', 'churn'],
    ['Still waiting for my refund, this is unacceptable.', 'complaint'],
    ['How do I reset my password?', 'question'],
    ['Can anyone help me with the setup?', 'question'],
    ['Just ordered two more!', 'purchase'],
    ['Thinking of buying the pro version.', 'purchase'],
  ])('"%s" → %s', (text, intent) => {
    expect(intents(text)).toContain(intent);
  });

  it('"must have" recommends only before what to have: "You must have the lamb", not "must have been an off night"', () => {
    expect(intents('You must have the lamb.')).toContain('recommend');
    expect(intents('Must have been an off night.')).not.toContain('recommend');
  });

  it('a negated cue is not the intent: "I would not recommend" is not recommend', () => {
    expect(intents('I would not recommend this to anyone.')).not.toContain('recommend');
    expect(intents("Don't recommend.")).not.toContain('recommend');
    expect(intents('I will not buy this again.')).not.toContain('purchase');
    expect(intents('I am not switching to another bank.')).not.toContain('churn');
    expect(intents('No complaints at all.')).not.toContain('complaint');
  });

  it('"I can\'t wait to go back" is loyalty, not churn; "was recommended to me" is not advocacy', () => {
    expect(intents("I can't wait to go back!")).not.toContain('churn');
    expect(intents('This place was recommended to me by a colleague.')).not.toContain('recommend');
  });

  it('a clearly negative review about a theme is a complaint even without a complaint word', () => {
    expect(intents('The delivery was late and the box was crushed, terrible.')).toContain('complaint');
    expect(intents('The delivery was quick.')).not.toContain('complaint');
  });

  it('intents come in a stable order without duplicates', () => {
    const got = intents('I recommend it, highly recommend, and just ordered another. How do I pair it?');
    expect(got).toEqual(['recommend', 'question', 'purchase']);
  });
});
