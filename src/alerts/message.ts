import type { Alert } from '../domain/alert.js';

const KIND_TITLE: Record<Alert['kind'], string> = {
  negative_spike: 'Negative spike',
  sentiment_drop: 'Sentiment drop',
  rating_drop: 'Rating drop',
  churn_spike: 'Churn spike',
  volume_spike: 'Volume spike',
};

/** `observed` and `expected` in the alert's unit, e.g. `23 mentions vs 4.1 expected`. */
export function numbersLine(a: Pick<Alert, 'observed' | 'expected' | 'unit' | 'sample'>): string {
  if (a.unit === 'mentions') return `${a.observed} mentions vs ${a.expected.toFixed(1)} expected`;
  const what = a.unit === 'stars' ? 'average stars' : 'net sentiment';
  return `${what} ${a.observed.toFixed(2)} vs ${a.expected.toFixed(2)} before (${a.sample} mentions)`;
}

/** One line naming the alert: `[high] Negative spike · northwind (theme delivery) · rule nw-negative`. */
export function alertTitle(a: Alert): string {
  const filters = Object.entries(a.filters)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `[${a.severity}] ${KIND_TITLE[a.kind]} · ${a.brand}${filters ? ` (${filters})` : ''} · rule ${a.rule}`;
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The window as `2024-03-01 10:00 → 2024-03-02 10:00 UTC`. */
export function windowLine(a: Pick<Alert, 'window'>): string {
  const f = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  return `${f(new Date(a.window.from))} → ${f(new Date(a.window.to))} UTC`;
}

/** A plain-text rendering (email body, terminal). */
export function alertText(a: Alert): string {
  const lines = [alertTitle(a), '', `${numbersLine(a)} · p=${a.pValue.toExponential(1)}`, `window: ${windowLine(a)}`, '', a.summary];
  if (a.examples.length) {
    lines.push('', 'Examples:');
    for (const e of a.examples) {
      const stars = e.stars !== undefined ? ` ${e.stars}★` : '';
      lines.push(`- (${e.source}${stars}) ${clip(e.title ? `${e.title}: ${e.text}` : e.text, 200)}`, `  ${e.url}`);
    }
  }
  lines.push('', `alert id: ${a._id}`);
  return lines.join('\n');
}

/** Slack's mrkdwn needs &, < and > escaped in text it should not treat as markup. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack incoming-webhook body: a fallback `text` plus blocks with the numbers and linked examples. */
export function slackMessage(a: Alert): Record<string, unknown> {
  const examples = a.examples
    .map((e) => `• <${e.url}|${slackEscape(clip(e.title ?? e.text, 80))}> _(${slackEscape(e.source)}${e.stars !== undefined ? `, ${e.stars}★` : ''})_`)
    .join('\n');
  return {
    text: `${alertTitle(a)}: ${numbersLine(a)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(alertTitle(a), 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Observed*\n${slackEscape(numbersLine(a))}` },
          { type: 'mrkdwn', text: `*Window*\n${windowLine(a)}` },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(a.summary) } },
      ...(examples ? [{ type: 'section', text: { type: 'mrkdwn', text: `*Examples*\n${examples}` } }] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `alert \`${slackEscape(a._id)}\` · p=${a.pValue.toExponential(1)}` }] },
    ],
  };
}
