import { describe, expect, it } from 'vitest';
import { compileBrandQuery, parseQuery, QuerySyntaxError } from '../../../src/domain/brand-query.js';
import { brandMatcher } from '../../../crawlers/lib/brand-match.js';
import { Brand } from '../../../src/domain/brand.js';

const NORTHWIND = '("Northwind" OR @northwindcoffee) AND (coffee OR latte OR cafe OR espresso) NOT ("wind farm" OR Traders)';

const cases: [query: string, text: string, expected: boolean][] = [
  // the brief's query
  [NORTHWIND, 'Best latte in town is at Northwind', true],
  [NORTHWIND, 'Thanks @northwindcoffee, the espresso was perfect', true],
  [NORTHWIND, 'Northwind offshore wind farm wins approval; coffee for the crew', false],
  [NORTHWIND, 'Northwind Traders sample database, coffee-fuelled SQL', false],
  [NORTHWIND, 'Northwind is a great name for a wind company', false],
  // case-insensitive words and operators stay upper-case only
  ['northwind', 'NORTHWIND rocks', true],
  ['northwind and coffee', 'northwind coffee', false], // operators are upper-case: a lower-case "and" is a word
  // precedence: NOT > AND > OR
  ['a OR b AND c', 'a', true],
  ['a OR b AND c', 'b', false],
  ['(a OR b) AND c', 'a', false],
  ['a b', 'b a', true], // juxtaposition is AND
  ['a NOT b', 'a b', false],
  ['NOT b', 'a', true],
  ['a OR NOT b', 'c', true],
  // phrases: consecutive words, punctuation between them ignored
  ['"wind farm"', 'an offshore wind-farm', true],
  ['"wind farm"', 'wind and a farm', false],
  // NEAR/n: at most n words between, either order
  ['northwind NEAR/2 latte', 'Northwind makes a latte', true],
  ['northwind NEAR/2 latte', 'latte at the Northwind', true],
  ['northwind NEAR/1 latte', 'Northwind makes a latte', false],
  ['(northwind OR "north wind") NEAR/0 cafe', 'the North Wind cafe', true],
  // trailing wildcards
  ['caf*', 'cafés are nice', true],
  ['caf*', 'a scaffold', false],
  ['"northwind coff*"', 'Northwind coffees', true],
  // handles and hashtags
  ['@northwindcoffee', 'northwindcoffee', false],
  ['northwindcoffee', 'follow @NorthwindCoffee', true],
  ['#coffee', 'I like coffee', false],
];

describe('Boolean brand queries', () => {
  it.each(cases)('%s on %j → %s', (query, text, expected) => {
    expect(compileBrandQuery(query).matches(text)).toBe(expected);
  });

  const errors: [string, RegExp][] = [
    ['(a OR b', /"\(" is never closed at column 1$/],
    ['a OR', /ends .* at column 5$/],
    ['a AND', /ends after AND at column 6$/],
    ['"wind farm', /unclosed quote at column 1$/],
    ['a ) b', /unmatched "\)" at column 3$/],
    ['a NEAR b', /NEAR needs a distance.* at column 3$/],
    ['a NEAR/2 (b AND c)', /NEAR joins words.* at column 3$/],
    ['a % b', /unexpected "%" at column 3$/],
    ['', /empty at column 1$/],
  ];
  it.each(errors)('%j is a syntax error with its column', (query, message) => {
    let err: unknown;
    try {
      parseQuery(query);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect((err as Error).message).toMatch(message);
  });

  it('config validation reports a bad query with its path and column', () => {
    const r = Brand.safeParse({ id: 'nw', name: 'Northwind', query: '(northwind OR' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['query']);
    expect(r.error!.issues[0]!.message).toMatch(/^not a valid query: .* at column \d+$/);
  });

  it('the matcher uses the query when set, and aliases with exclusions otherwise', () => {
    const base = { name: 'Northwind Coffee', aliases: ['Northwind'], exclusions: ['northwind wind farm'], competitors: [] };
    const farm = 'Northwind offshore wind farm wins approval';
    expect(brandMatcher(base).mentionsBrand(farm)).toBe(true); // the issue's false positive
    expect(brandMatcher({ ...base, query: 'Northwind NOT "wind farm"' }).mentionsBrand(farm)).toBe(false);
    expect(brandMatcher({ ...base, query: 'Northwind NOT "wind farm"' }).mentionsBrand('a Northwind latte')).toBe(true);
    // a comment: its thread is not searched for the brand, but the thread's NOT terms veto it
    const q = brandMatcher({ ...base, query: 'Northwind NOT Traders' });
    expect(q.mentionsBrand('I use Northwind for demos', 'Northwind Traders sample database')).toBe(false);
    expect(q.mentionsBrand('agreed', 'Northwind latte')).toBe(false);
    expect(q.mentionsBrand('Northwind again', 'best latte')).toBe(true);
  });
});
