import type { Mention } from '../../../src/domain/mention.js';
import { m } from './fixtures.js';

/** Four weeks of ordinary complaints (slow delivery, cold coffee), then a week where "charged twice" appears. */
export function emergingFixture(): Mention[] {
  const out: Mention[] = [];
  const base = ['Slow delivery again, the order took an hour.', 'Cold coffee and slow delivery.', 'The coffee was cold when it arrived.', 'Slow delivery, cold food.'];
  for (let i = 0; i < 12; i++) {
    const day = new Date(Date.UTC(2024, 1, 12 + i * 2)).toISOString().slice(0, 10);
    out.push(m('acme', `b${i}`, { day, label: 'negative', score: -0.5, text: base[i % base.length]! }));
  }
  const recent = [
    'The app charged me twice for one latte.',
    'Charged twice again! Refund please.',
    'Mobile ordering charged my card twice.',
    'Got charged twice, no refund yet.',
    'Double payment: charged twice by the Acme app.',
    'Slow delivery as usual.',
    'Charged twice at checkout, the app crashed.',
    'I was charged twice and support is silent.',
    'Charged twice. Again.',
  ];
  recent.forEach((text, i) => out.push(m('acme', `r${i}`, { day: `2024-03-1${1 + (i % 6)}`, label: 'negative', score: -0.6, text })));
  // Positive mentions and duplicates are not read by the default (negative) view.
  out.push(m('acme', 'pos1', { day: '2024-03-12', label: 'positive', score: 0.8, text: 'Lovely new seasonal menu, seasonal menu rocks, seasonal menu!' }));
  out.push(m('acme', 'pos2', { day: '2024-03-13', label: 'positive', score: 0.8, text: 'The seasonal menu is great.' }));
  out.push(m('acme', 'pos3', { day: '2024-03-14', label: 'positive', score: 0.8, text: 'Try the seasonal menu.' }));
  out.push(m('acme', 'pos4', { day: '2024-03-15', label: 'positive', score: 0.8, text: 'Seasonal menu, yes please.' }));
  out.push(m('acme', 'pos5', { day: '2024-03-16', label: 'positive', score: 0.8, text: 'Best seasonal menu in town.' }));
  for (let i = 0; i < 3; i++) {
    out.push(m('acme', `dup${i}`, { day: '2024-03-15', label: 'negative', score: -0.6, text: 'Broken espresso machine today.', duplicateOf: 'acme:reviews-jsonld:r0' }));
  }
  return out;
}
