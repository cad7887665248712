import { PermanentError } from '../../domain/errors.js';
import { DeliveryError } from './sender.js';

/**
 * POSTs `body` and resolves on a 2xx. A network fault, timeout, 408, 429 or 5xx is a `DeliveryError` (retried);
 * any other 4xx is a `PermanentError`: the URL or secret is wrong and retrying cannot fix it.
 */
export async function postBody(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    const reason = timeout.aborted ? `timed out after ${timeoutMs} ms` : describe(err);
    throw new DeliveryError(`POST ${redact(url)}: ${reason}`);
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return;
  const msg = `POST ${redact(url)}: HTTP ${res.status}${text ? ` ${text.slice(0, 120).replace(/\s+/g, ' ')}` : ''}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentError(msg);
  throw new DeliveryError(msg);
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** Slack webhook URLs carry their secret in the path: show only the origin. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}/…`;
  } catch {
    return 'the configured URL';
  }
}
