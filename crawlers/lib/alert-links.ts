/**
 * The target of a Google redirect link (`https://www.google.com/url?…&url=<target>` as in Google Alerts feeds, or
 * `…&q=<target>`); any other link unchanged.
 */
export function unwrapRedirect(link: string): string {
  try {
    const u = new URL(link);
    if (/(^|\.)google\.[a-z.]{2,6}$/i.test(u.hostname) && u.pathname === '/url') {
      const target = u.searchParams.get('url') ?? u.searchParams.get('q');
      if (target && /^https?:\/\//i.test(target)) return new URL(target).href;
    }
  } catch {
    // not a URL: leave as is
  }
  return link;
}
