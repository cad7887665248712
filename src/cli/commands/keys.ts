import { createKey, listKeys, NewKey, revokeKey } from '../../api/keys.js';
import { UserError } from '../../domain/errors.js';
import { renderTable } from '../../reports/render.js';
import { type Command, str, write } from '../command.js';
import { tableOptions } from '../terminal.js';
import { openRuntime } from '../runtime.js';

const when = (d: Date | undefined) => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') : null);

/**
 * `earshot keys create|list|revoke`: API keys for `earshot serve`. A key is printed once, at creation; only its
 * hash is stored.
 */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'API keys for `earshot serve`: create (printed once, stored hashed), list, revoke',
  usage: [
    'earshot keys create --name NAME --scope read|write|admin [--brands ID,ID]',
    '       earshot keys list [--all] [--json]',
    '       earshot keys revoke ID|NAME',
  ].join('\n'),
  positionals: true,
  options: {
    name: { type: 'string', valueName: 'NAME', description: 'create: a name for the key, unique (who or what uses it)' },
    scope: { type: 'string', valueName: 'SCOPE', description: 'create: read (reports, listings), write (also workflow changes) or admin (also keys)' },
    brands: { type: 'string', valueName: 'ID,ID', description: 'create: limit the key to these brands (default: every brand)' },
    all: { type: 'boolean', default: false, description: 'list: include revoked keys' },
    json: { type: 'boolean', default: false, description: 'list: print JSON instead of a table' },
  },
  details: ['create prints the key once: it is stored hashed and cannot be shown again.'],
  examples: ['earshot keys create --name analyst --scope read --config config/demo.yaml', 'earshot keys revoke analyst --config config/demo.yaml'],
  async run({ values, positionals }, io) {
    const [action, ...rest] = positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UserError(`keys: unknown action "${action ?? ''}" (one of: create, list, revoke)`);
    if (action === 'revoke' && rest.length !== 1) throw new UserError('keys revoke: which key? (its id or name)');
    if (action !== 'revoke' && rest.length) throw new UserError(`keys ${action}: unexpected argument "${rest[0]}"`);
    let input: NewKey | undefined;
    if (action === 'create') {
      const brands = str(values, 'brands');
      const parsed = NewKey.safeParse({ name: str(values, 'name'), scope: str(values, 'scope'), ...(brands !== undefined ? { brands: brands.split(',').map((b) => b.trim()) } : {}) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UserError(`--${String(issue.path[0] ?? 'name')}: ${issue.code === 'invalid_type' ? 'required' : issue.message}`);
      }
      input = parsed.data;
    }
    const rt = await openRuntime(io, { values, forceInline: true });
    try {
      if (input) {
        const unknown = (input.brands ?? []).filter((b) => !rt.config.brands.some((c) => c.id === b));
        if (unknown.length) throw new UserError(`--brands: no brand "${unknown[0]}" in config (configured: ${rt.config.brands.map((b) => b.id).join(', ')})`);
        const { key, doc } = await createKey(rt.store, input).catch((err: Error) => {
          throw new UserError(err.message);
        });
        if (values.json) write(io.stdout, JSON.stringify({ id: doc._id, name: doc.name, scope: doc.scope, brands: doc.brands ?? null, key }, null, 2));
        else {
          write(io.stdout, key);
          write(io.stderr, `key ${doc._id} "${doc.name}" (${doc.scope}${doc.brands ? `, brands ${doc.brands.join(', ')}` : ''}) created. It is shown only now: store it safely. Send it as "Authorization: Bearer <key>".`);
        }
        return 0;
      }
      if (action === 'revoke') {
        const revoked = await revokeKey(rt.store, rest[0]!);
        if (!revoked) throw new UserError(`keys revoke: no active key with id or name "${rest[0]}"`);
        write(io.stdout, `key ${revoked._id} "${revoked.name}" revoked`);
        return 0;
      }
      const keys = await listKeys(rt.store, { all: Boolean(values.all) });
      const rows = keys.map((k) => ({ id: k._id, name: k.name, scope: k.scope, brands: k.brands?.join(',') ?? 'all', created: when(k.createdAt), revoked: when(k.revokedAt) }));
      if (values.json) write(io.stdout, JSON.stringify({ keys: rows }, null, 2));
      else write(io.stdout, renderTable('API keys (times UTC)', [{ name: 'keys', title: `${rows.length} key(s)`, columns: ['id', 'name', 'scope', 'brands', 'created', 'revoked'], rows }], tableOptions(io)));
      return 0;
    } finally {
      await rt.close();
    }
  },
};

