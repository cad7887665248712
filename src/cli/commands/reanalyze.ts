import { queueReanalysis } from '../../../pipelines/reanalyze.js';
import { registerStages } from '../../../pipelines/register.js';
import { UserError } from '../../domain/errors.js';
import { ANALYZER_VERSION } from '../../nlp/index.js';
import { type Command, str, write } from '../command.js';
import { openRuntime } from '../runtime.js';

/** `earshot reanalyze`: re-score stored mentions after an analyzer upgrade; rollups follow. Safe to repeat. */
export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  summary: 're-score stored mentions made by an older analyzer (or --all), refreshing rollups',
  usage: 'earshot reanalyze [--brand ID] [--all]',
  options: {
    brand: { type: 'string', valueName: 'ID', description: 'only this brand (default: every brand)' },
    all: { type: 'boolean', default: false, description: 'every stored mention, not only those scored by an older analyzer version' },
  },
  examples: ['earshot reanalyze --brand northwind --config config/demo.yaml'],
  async run({ values }, io) {
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      const only = str(values, 'brand');
      if (only && !rt.config.brands.some((b) => b.id === only)) throw new UserError(`unknown brand "${only}"`);
      // One-shot: a dead receiver must not hold the command; a failed delivery stays pending (`earshot alerts deliver`).
      registerStages(rt, { deliveries: 'once' });
      let total = 0;
      for (const b of rt.config.brands.filter((x) => !only || x.id === only)) {
        const n = await queueReanalysis(rt, b.id, { all: values.all === true });
        total += n;
        write(io.stderr, `${b.id}: ${n} mention(s) to re-score`);
      }
      await rt.queue.idle();
      write(io.stdout, `re-scored ${total} mention(s) with analyzer ${ANALYZER_VERSION}`);
      return 0;
    } finally {
      await rt.close();
    }
  },
};
