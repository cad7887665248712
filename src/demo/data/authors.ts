import { FIRST_NAMES, HANDLES } from '../corpus/names.js';
import { intBetween, pick } from '../lib/prng.js';
import type { AuthorKind } from './types.js';

/** Names that belong to a publication rather than a person. */
const ORGANIZATION = /\b(Weekly|Daily|Magazine|News|Lab|Labs|Review|Reviews)\b/;

/** A reviewer name for a review in `lang`: mostly "First L.", sometimes (in English) a site handle. */
export function reviewerName(rand: () => number, lang: string): string {
  if (lang === 'en' && rand() < 0.2) return pick(rand, HANDLES);
  const first = pick(rand, FIRST_NAMES[lang] ?? FIRST_NAMES.en!);
  return `${first} ${String.fromCharCode(65 + intBetween(rand, 0, 25))}.`;
}

/** How schema.org pages print this author: publications as Organization, handles as plain strings, people either way. */
export function authorKind(rand: () => number, name: string): AuthorKind {
  if (ORGANIZATION.test(name)) return 'organization';
  if (!name.includes(' ')) return 'string';
  return rand() < 0.3 ? 'string' : 'person';
}
