import { addStep, type Item } from './sentiment.js';

/**
 * "Fair at best", "decent at best", "the service was ok at best": praise set as the most that can be said is no
 * praise. The praise word right before the lexicon's "at best" (itself faint blame) weighs nothing (rule "limited").
 */
const LIMIT = 'at best';

export function applyLimitedPraise(items: Item[]): void {
  for (let n = 1; n < items.length; n++) {
    const it = items[n]!;
    if (it.end - it.start !== 2 || it.token.toLowerCase() !== LIMIT) continue;
    const praise = items[n - 1]!;
    if (praise.weight <= 0 || praise.clause !== it.clause || praise.end !== it.start) continue;
    praise.weight = 0;
    praise.local = 0;
    addStep(praise, 'limited', LIMIT);
  }
}
