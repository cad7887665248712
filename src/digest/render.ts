import type { Digest } from '../domain/digest.js';

const signed = (n: number, digits = 2) => `${n > 0 ? '+' : ''}${n.toFixed(digits)}`;
const pct = (n: number | null) => (n === null ? 'new' : `${n > 0 ? '+' : ''}${(n * 100).toFixed(0)}%`);
const short = (s: string, max = 140) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function digestSubject(d: Digest): string {
  return `earshot digest · ${d.brand.name} · ${d.from} – ${d.to}: ${d.volume.mentions} mentions, net ${signed(d.volume.netSentiment)}`;
}

/** The parts a digest shows, each a title and lines of text (links whole), shared by the three renderings. */
interface Block {
  title: string;
  items: Array<{ text: string; url?: string }>;
  empty: string;
}

function blocks(d: Digest): Block[] {
  const out: Block[] = [];
  for (const s of d.sections) {
    if (s === 'volume') {
      const v = d.volume;
      out.push({
        title: 'Volume and sentiment',
        items: [
          { text: `${v.mentions} mentions (${pct(v.change)} vs ${v.previous} in ${d.previous.from} – ${d.previous.to})` },
          { text: `net sentiment ${signed(v.netSentiment)} (${signed(v.netChange)} vs ${signed(v.previousNet)})` },
        ],
        empty: '',
      });
    } else if (s === 'drivers') {
      out.push({
        title: 'What moved sentiment',
        items: d.drivers.map((x) => ({
          text: `${x.direction === 'down' ? '▼' : '▲'} ${x.theme}: ${x.mentions} mentions, net ${signed(x.netSentiment)}, impact ${signed(x.impact, 3)}${x.example ? ` — “${short(x.example.text, 100)}”` : ''}`,
          ...(x.example?.url ? { url: x.example.url } : {}),
        })),
        empty: 'no theme stands out',
      });
    } else if (s === 'answer') {
      out.push({
        title: 'Mentions to answer',
        items: d.answer.map((m) => ({ text: `${m.publishedAt} · ${m.source}${m.author ? ` · ${m.author}` : ''}${m.stars ? ` · ${m.stars}★` : ''} — ${short(m.text)}`, url: m.url })),
        empty: 'none waiting',
      });
    } else if (s === 'emerging') {
      out.push({
        title: 'Emerging phrases in negative mentions',
        items: d.emerging.map((e) => ({ text: `“${e.term}”: ${e.recent} mentions, ${e.isNew ? 'new' : `${e.lift.toFixed(1)}× as common`}`, url: e.url })),
        empty: 'nothing new',
      });
    } else if (s === 'alerts') {
      out.push({ title: 'Alerts fired', items: d.alerts.map((a) => ({ text: `${a.firedAt.slice(0, 16).replace('T', ' ')} UTC · ${a.severity} · ${a.summary} (${a.id})` })), empty: 'none' });
    } else if (s === 'sources') {
      out.push({ title: 'Sources that failed', items: d.failedSources.map((f) => ({ text: `${f.source}: ${f.status} — ${f.reason}` })), empty: 'none: every source crawled' });
    }
  }
  return out;
}

/** Plain text: the email's text part and what `earshot digest` prints. */
export function digestText(d: Digest): string {
  const lines = [`${d.brand.name} (${d.brand.id}) · ${d.from} – ${d.to}`, ''];
  for (const b of blocks(d)) {
    lines.push(b.title);
    if (!b.items.length) lines.push(`  ${b.empty}`);
    for (const i of b.items) {
      lines.push(`  • ${i.text}`);
      if (i.url) lines.push(`    ${i.url}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The email's HTML part: the same content, readable in a mail client (inline styles only). */
export function digestHtml(d: Digest): string {
  const parts = [
    '<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:640px;color:#222">',
    `<h2 style="margin-bottom:0">${esc(d.brand.name)}</h2><p style="color:#666;margin-top:4px">${esc(d.from)} – ${esc(d.to)}</p>`,
  ];
  for (const b of blocks(d)) {
    parts.push(`<h3>${esc(b.title)}</h3>`);
    if (!b.items.length) parts.push(`<p style="color:#666">${esc(b.empty)}</p>`);
    else parts.push(`<ul>${b.items.map((i) => `<li>${esc(i.text)}${i.url ? ` <a href="${esc(i.url)}">open</a>` : ''}</li>`).join('')}</ul>`);
  }
  parts.push('<p style="color:#999;font-size:12px">Sent by earshot. Change what it holds under digests: in the config.</p></body></html>');
  return parts.join('\n');
}

/** A Slack incoming-webhook message: a header and one mrkdwn section per part. */
export function digestSlack(d: Digest): { text: string; blocks: unknown[] } {
  const md = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    text: digestSubject(d),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `${d.brand.name} · ${d.from} – ${d.to}`.slice(0, 150) } },
      ...blocks(d).map((b) => ({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${md(b.title)}*\n${b.items.length ? b.items.map((i) => `• ${md(i.text)}${i.url ? ` <${i.url}|open>` : ''}`).join('\n') : `_${md(b.empty)}_`}`.slice(0, 3000),
        },
      })),
    ],
  };
}
