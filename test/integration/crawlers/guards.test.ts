import { describe, expect, it } from 'vitest';
import { brandMatcher } from '../../../crawlers/lib/brand-match.js';
import { unwrapRedirect } from '../../../crawlers/lib/alert-links.js';
import { nonPublicRange } from '../../../crawlers/lib/ip-ranges.js';
import { UrlGuard } from '../../../crawlers/lib/url-guard.js';
import { CrawlError } from '../../../crawlers/lib/errors.js';
import { retryAfterMs } from '../../../crawlers/lib/http-fetch.js';
import { northwind } from './helpers.js';

describe('the URL guard', () => {
  const fakeDns = (table: Record<string, string[]>) => async (host: string) => table[host] ?? [];

  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://0.0.0.0/', 'this network'],
    ['http://[::1]/', 'loopback'],
    ['http://[fd00::1]/', 'unique local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'link-local'],
    ['http://2130706433/', 'loopback'], // decimal 127.0.0.1
    ['http://0x7f.1/', 'loopback'],
  ])('refuses %s (%s)', async (url, range) => {
    const err = await new UrlGuard().check(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrawlError);
    expect((err as CrawlError).failureClass).toBe('policy');
    expect((err as CrawlError).message).toContain(range);
  });

  it('refuses a public-looking host name that resolves to a private address (DNS rebinding style)', async () => {
    const guard = new UrlGuard({ resolve: fakeDns({ 'evil.example': ['93.184.216.34', '10.0.0.7'] }) });
    await expect(guard.check('https://evil.example/x')).rejects.toThrow(/evil\.example resolves to 10\.0\.0\.7/);
  });

  it('allows public addresses and pins the connection to them', async () => {
    const guard = new UrlGuard({ resolve: fakeDns({ 'shop.example': ['93.184.216.34'] }) });
    await expect(guard.check('https://shop.example/reviews')).resolves.toMatchObject({ addresses: ['93.184.216.34'] });
    expect(nonPublicRange('2606:4700::1111')).toBeNull();
  });

  it('refuses other schemes and credentials in URLs', async () => {
    await expect(new UrlGuard().check('file:///etc/passwd')).rejects.toThrow(/only http and https/);
    await expect(new UrlGuard().check('ftp://example.com/')).rejects.toThrow(/only http and https/);
    await expect(new UrlGuard({ resolve: fakeDns({ 'a.example': ['93.184.216.34'] }) }).check('http://u:p@a.example/')).rejects.toThrow(/credentials/);
  });

  it('lets exactly the allowed host:port through, not other ports on the same host', async () => {
    const guard = new UrlGuard({ allowHosts: ['127.0.0.1:41234'] });
    await expect(guard.check('http://127.0.0.1:41234/ok')).resolves.toBeTruthy();
    await expect(guard.check('http://127.0.0.1:41235/')).rejects.toThrow(/loopback/);
  });

  it('with allowPrivateNetworks (demo only), allows loopback', async () => {
    await expect(new UrlGuard({ allowPrivateNetworks: true }).check('http://127.0.0.1:8080/')).resolves.toBeTruthy();
  });
});

describe('brand matching', () => {
  const m = brandMatcher(northwind);

  it('matches aliases on word boundaries, case-insensitively, including as a hashtag', () => {
    expect(m.mentionsBrand('Loved my latte at NORTHWIND today')).toBe(true);
    expect(m.mentionsBrand("Northwind's app charged me twice")).toBe(true);
    expect(m.mentionsBrand('double charged again #NorthwindCoffee')).toBe(true);
    expect(m.mentionsBrand('the northwindy weather')).toBe(false);
    expect(m.mentionsBrand('Kettle & Co is better')).toBe(false);
  });

  it('does not count an exclusion phrase, and treats the aliases inside it as ambiguous in that text', () => {
    expect(m.mentionsBrand('Practising joins on the Northwind Traders database')).toBe(false);
    expect(m.mentionsBrand('Why the Northwind sample database matters. Northwind Traders is the classic.')).toBe(false);
    expect(m.mentionsBrand('Northwind Coffee beats the Northwind Traders demo data')).toBe(true);
    expect(m.mentionsBrand('Northwind SQL exercises', 'Thread: everyone recommends the Northwind Traders database')).toBe(false);
  });

  it('records competitors named in the text', () => {
    expect(m.competitorsIn('Northwind vs Bluebird Roasters vs Kettle & Co').sort()).toEqual(['bluebird', 'kettle']);
    expect(m.competitorsIn('a bluebird sang')).toEqual([]);
  });
});

describe('small parsers', () => {
  it('unwraps Google redirect links and leaves others alone', () => {
    expect(unwrapRedirect('https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1&ct=ga')).toBe('https://news.example/a?b=1');
    expect(unwrapRedirect('https://news.example/a')).toBe('https://news.example/a');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
