import { senderFor } from '../alerts/channels/index.js';
import type { Config } from '../config/schema.js';
import { type Digest, DigestConfig } from '../domain/digest.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { buildDigest, digestPeriod, DIGESTS, type DigestRecord } from './build.js';

interface Deps {
  store: Store;
  config: Config;
}

/** The brand's `digests:` entry, or the defaults (every section, no channel) when it has none. */
function digestConfigOf(config: Config, brand: string): DigestConfig {
  return config.digests.find((d) => d.brand === brand) ?? DigestConfig.parse({ brand, channels: ['-'] });
}

/** The digest due now for `brand`: the period since the last one sent, built from the store. */
export async function prepareDigest(deps: Deps, brand: string, now = new Date()): Promise<{ digest: Digest; cfg: DigestConfig }> {
  const b = deps.config.brands.find((x) => x.id === brand);
  if (!b) throw new UserError(`unknown brand "${brand}"`);
  const cfg = digestConfigOf(deps.config, brand);
  const period = await digestPeriod(deps.store, brand, now, deps.config.timezone);
  return { digest: await buildDigest(deps.store, b, cfg, period, deps.config.timezone, now), cfg };
}

/** Digest deliveries that reached their channel, by delivery id: a retry skips them. */
export const DIGEST_DELIVERIES = 'digestDeliveries';

/**
 * Builds and sends the brand's digest to each of its channels, then records it. A channel that fails throws (the
 * queue retries a scheduled digest; the CLI prints one line) and the digest is not recorded, so none is skipped.
 * Each delivery has a stable id (brand, last day, channel): one that went out is recorded, so a retry after another
 * channel failed sends only to the channels still owed (a receiver can also use the id to drop a duplicate).
 */
export async function sendDigest(deps: Deps, brand: string, now = new Date()): Promise<{ period: { from: string; to: string }; channels: string[] }> {
  const entry = deps.config.digests.find((d) => d.brand === brand);
  if (!entry) throw new UserError(`digest: brand ${brand} has no digests: entry in the config (brand, channels, schedule, sections)`);
  const missing = entry.channels.filter((c) => !deps.config.channels[c]);
  if (missing.length) throw new UserError(`digest: no channel "${missing[0]}" under channels: (configured: ${Object.keys(deps.config.channels).join(', ') || 'none'})`);
  const { digest } = await prepareDigest(deps, brand, now);
  for (const name of entry.channels) {
    const deliveryId = `digest:${brand}:${digest.to}:${name}`;
    if (await deps.store.getDoc(DIGEST_DELIVERIES, deliveryId)) continue;
    const sender = senderFor(deps.config.channels[name]!);
    try {
      await sender.sendDigest(digest, { deliveryId });
    } finally {
      sender.close?.();
    }
    await deps.store.putDoc(DIGEST_DELIVERIES, { _id: deliveryId, brand, channel: name, sentAt: now });
  }
  await deps.store.putDoc(DIGESTS, { _id: brand, sentAt: now, to: digest.to } satisfies DigestRecord as DigestRecord & Record<string, unknown>);
  return { period: { from: digest.from, to: digest.to }, channels: entry.channels };
}
