/**
 * Printing a MongoDB URL must never print its password (or user). These helpers show where the
 * store points — scheme and hosts — and scrub credentials out of driver messages.
 */

const URL_PARTS = /^(mongodb(?:\+srv)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)(?:\/([^?#]*))?/i;

/** `mongodb://user:pw@h1:27017,h2/db?authSource=x` → `mongodb://h1:27017,h2`; `not a mongodb URL` for anything else. */
export function displayMongoUrl(url: string): string {
  const m = URL_PARTS.exec(url.trim());
  return m ? `${m[1]!.toLowerCase()}${m[3] ?? ''}` : 'not a mongodb URL';
}

/** The database named in the URL's path, if any (`mongodb://h/earshot` → `earshot`). */
export function mongoUrlDbName(url: string): string | undefined {
  const db = URL_PARTS.exec(url.trim())?.[4];
  return db ? decodeURIComponent(db) : undefined;
}

/** Removes credentials (`//user:pw@`, and the raw or decoded user/password) from any text. */
export function scrubCredentials(text: string, url: string): string {
  let out = text.replace(/\/\/[^@\s/]+@/g, '//***@');
  const userinfo = URL_PARTS.exec(url.trim())?.[2];
  if (userinfo) {
    for (const part of userinfo.split(':')) {
      for (const secret of new Set([part, safeDecode(part)])) {
        if (secret.length >= 3) out = out.split(secret).join('***');
      }
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
