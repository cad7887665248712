import { Redis } from 'ioredis';
import { UserError } from '../domain/errors.js';

/** `redis://user:***@host:port/db`: never print a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Fail fast with one readable line when Redis cannot be reached, instead of BullMQ retrying forever.
 * @param timeoutMs connect timeout, default 3000 ms
 */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new UserError(`cannot reach Redis at ${redactUrl(url)} (${(err as Error).message})`, 'redis_unreachable');
  } finally {
    client.disconnect();
  }
}

/** What Redis says about keeping jobs across a restart and under memory pressure. */
export interface RedisDurability {
  /** `appendonly yes`; null when neither CONFIG nor INFO tells. */
  aof: boolean | null;
  /** RDB snapshots configured (`save` not empty); null when CONFIG is not allowed and it cannot be told. */
  rdb: boolean | null;
  maxmemoryPolicy: string | null;
  /** One line per way Redis can lose queued jobs; empty when none. */
  warnings: string[];
}

function infoField(info: string, field: string): string | null {
  const m = new RegExp(`^${field}:(.*)$`, 'm').exec(info);
  return m ? m[1]!.trim() : null;
}

/**
 * Asks Redis (CONFIG GET, else INFO where CONFIG is forbidden, as on many managed services) whether queued jobs
 * survive a restart (AOF or RDB persistence on) and memory pressure (`maxmemory-policy noeviction`), and says what
 * can lose jobs when not. Never throws for a Redis that answers: what cannot be read is reported as unknown.
 */
export async function checkRedisDurability(url: string, timeoutMs = 3000): Promise<RedisDurability> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => {});
  try {
    await client.connect();
    let aof: boolean | null = null;
    let rdb: boolean | null = null;
    let policy: string | null = null;
    try {
      const pairs = (await client.call('CONFIG', 'GET', 'appendonly', 'save', 'maxmemory-policy')) as string[];
      const config = new Map<string, string>();
      for (let i = 0; i + 1 < pairs.length; i += 2) config.set(pairs[i]!, pairs[i + 1]!);
      aof = config.has('appendonly') ? config.get('appendonly') === 'yes' : null;
      rdb = config.has('save') ? config.get('save')!.trim() !== '' : null;
      policy = config.get('maxmemory-policy') ?? null;
    } catch {
      // CONFIG renamed, disabled or denied by an ACL: INFO still tells AOF and the eviction policy.
    }
    if (aof === null || policy === null) {
      const info = await client.info().catch(() => '');
      aof ??= infoField(info, 'aof_enabled') === null ? null : infoField(info, 'aof_enabled') === '1';
      policy ??= infoField(info, 'maxmemory_policy');
    }
    const warnings: string[] = [];
    const where = `Redis at ${redactUrl(url)}`;
    if (aof === false && rdb === false) {
      warnings.push(`${where} has no persistence (appendonly no, save ""): a Redis restart loses every queued job; set appendonly yes`);
    } else if (aof === false && rdb === null) {
      warnings.push(`${where} has appendonly off and CONFIG is not allowed, so RDB snapshots cannot be checked: without them a restart loses every queued job; set appendonly yes`);
    } else if (aof === null) {
      warnings.push(`${where} does not say whether it persists data (CONFIG and INFO not allowed): a restart may lose queued jobs; make sure appendonly is on`);
    }
    if (policy === null) {
      warnings.push(`${where} does not say its maxmemory-policy: unless it is noeviction, Redis may evict queued jobs when memory is full`);
    } else if (policy !== 'noeviction') {
      warnings.push(`${where} has maxmemory-policy ${policy}: Redis may evict queued jobs when memory is full; set maxmemory-policy noeviction`);
    }
    return { aof, rdb, maxmemoryPolicy: policy, warnings };
  } finally {
    client.disconnect();
  }
}
