import { UserError } from '../../domain/errors.js';
import { type Command, str, write } from '../command.js';
import { openRuntime } from '../runtime.js';

/**
 * `earshot digest --brand ID [--send]`: the brand's digest for the days since the last one was sent (the last 7 days
 * for the first), printed, or sent to the channels of its `digests:` entry. A digest that reached every channel is
 * recorded, so the next one starts the day after; one that failed anywhere is not (the next covers the same days).
 */
export const digestCommand: Command = {
  name: 'digest',
  summary: 'the summary of what changed for a brand since the last digest: print it, or --send it to its channels',
  usage: 'earshot digest --brand ID [--send] [--format text|html|json]',
  options: {
    brand: { type: 'string', short: 'b', valueName: 'ID', description: 'the brand to summarise (required)' },
    send: { type: 'boolean', default: false, description: "send it to the channels of the brand's digests: entry and record it as sent" },
    format: { type: 'string', default: 'text', valueName: 'FMT', description: 'what to print without --send: text, html (the email body) or json' },
  },
  details: [
    'Sections (config digests[].sections, default all): volume and net sentiment with their change vs the period before, the themes that moved sentiment, the mentions to answer first, emerging phrases in negative mentions, alerts fired, sources whose last crawl failed. Days are those of the config timezone.',
    'Scheduled digests: earshot schedule sync registers one per digests: entry on its cron (default Mondays 08:00).',
  ],
  examples: ['earshot digest --brand northwind --config config/demo.yaml', 'earshot digest --brand northwind --send'],
  async run({ values }, io) {
    const brandId = str(values, 'brand');
    if (!brandId) throw new UserError('digest: --brand ID is required');
    const format = str(values, 'format');
    if (format !== 'text' && format !== 'html' && format !== 'json') throw new UserError(`--format: expected text, html or json, got "${format}"`);
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      const brand = rt.config.brands.find((b) => b.id === brandId);
      if (!brand) throw new UserError(`unknown brand "${brandId}" (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
      const { sendDigest, prepareDigest } = await import('../../digest/send.js');
      if (values.send) {
        const sent = await sendDigest(rt, brand.id);
        write(io.stdout, `digest ${brand.id} ${sent.period.from} – ${sent.period.to} sent to ${sent.channels.join(', ')}`);
        return 0;
      }
      const { digest } = await prepareDigest(rt, brand.id);
      const { digestHtml, digestText } = await import('../../digest/render.js');
      write(io.stdout, format === 'json' ? JSON.stringify(digest, null, 2) : format === 'html' ? digestHtml(digest) : digestText(digest));
      return 0;
    } finally {
      await rt.close();
    }
  },
};
