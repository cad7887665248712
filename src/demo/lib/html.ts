/** Escapes text for HTML element content and attribute values. */
export function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Serialises JSON for a `<script type="application/ld+json">` block (no `</script>` break-out). */
export function jsonForScript(value: unknown, indent = 0): string {
  return JSON.stringify(value, null, indent).replace(/</g, '\\u003c');
}

/** Wraps body HTML in a small, consistent page shell. `head` is extra markup for `<head>`. */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}article{border-bottom:1px solid #ddd;padding:.6rem 0}.meta{color:#666;font-size:.9em}</style>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/** Text as HTML paragraphs (blank-line separated in the source). */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** `2025-03-01T09:30:00Z` — ISO 8601 without milliseconds. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2025-03-01` */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** RFC 822 date as RSS 2.0 uses it: `Sat, 01 Mar 2025 09:30:00 GMT`. */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

/** "3 days ago", relative to `now` — what review sites print next to a machine-readable date. */
export function relativeAge(d: Date, now: Date): string {
  const mins = Math.max(0, Math.round((now.getTime() - d.getTime()) / 60000));
  if (mins < 60) return `${mins} minute${mins === 1 ? '' : 's'} ago`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} ago`;
  return `${Math.round(days / 7)} weeks ago`;
}
