import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteProfileCrawler } from '../../../crawlers/site-profile.js';
import { HostRateLimiter } from '../../../crawlers/lib/politeness.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server.js';
import { crawlOnce, northwind, source } from './helpers.js';

/**
 * A loopback "internal service" the URL guard refuses: it counts every TCP connection and UDP datagram it gets,
 * whatever the protocol (HTTP, WebSocket upgrade, a bare preconnect, a STUN probe), and answers HTTP requests.
 */
interface Canary {
  port: number;
  origin: string;
  connections: number;
  datagrams: number;
  requests: string[];
  close(): Promise<void>;
}

async function startCanary(): Promise<Canary> {
  const sockets = new Set<Socket>();
  const canary = { connections: 0, datagrams: 0, requests: [] as string[] } as Canary;
  const tcp: Server = createServer((s) => {
    canary.connections += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    s.once('data', (d) => {
      canary.requests.push(d.toString('latin1').split('\r\n', 1)[0]!);
      s.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\naccess-control-allow-origin: *\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecret');
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  canary.port = (tcp.address() as { port: number }).port;
  canary.origin = `http://127.0.0.1:${canary.port}`;
  const udp: UdpSocket = createSocket('udp4');
  udp.on('message', () => void (canary.datagrams += 1));
  await new Promise<void>((resolve) => udp.bind(canary.port, '127.0.0.1', resolve));
  canary.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
    await new Promise<void>((resolve) => udp.close(() => resolve()));
  };
  return canary;
}

/** Every way a page can make the browser open a connection, each aimed at the canary; then it renders one review. */
function attackPage(canary: string, canaryPort: number): string {
  const ws = canary.replace('http:', 'ws:');
  return `<!doctype html><html><head>
<link rel="prefetch" href="${canary}/prefetch">
<link rel="preconnect" href="${canary}">
<link rel="dns-prefetch" href="${canary}">
<link rel="preload" as="fetch" href="${canary}/preload" crossorigin>
<link rel="stylesheet" href="${canary}/style.css">
<script type="speculationrules">{"prefetch": [{"source": "list", "urls": ["${canary}/speculation"]}]}</script>
</head><body>
<img src="${canary}/image.png">
<iframe src="${canary}/iframe"></iframe>
<div id="r"></div>
<script>
var tries = [];
function attempt(name, fn) { try { var p = fn(); if (p && p.then) tries.push(p.catch(function () {})); } catch (e) {} }
attempt('websocket', function () { return new Promise(function (done) { var s = new WebSocket('${ws}/ws'); s.onopen = s.onerror = s.onclose = function () { done(); }; setTimeout(done, 1500); }); });
attempt('fetch', function () { return fetch('${canary}/fetch'); });
attempt('post', function () { return fetch('${canary}/post', { method: 'POST', body: 'x' }); });
attempt('beacon', function () { navigator.sendBeacon('${canary}/beacon', 'x'); });
attempt('eventsource', function () { var e = new EventSource('${canary}/events'); setTimeout(function () { e.close(); }, 1000); });
attempt('worker', function () {
  var src = "fetch('${canary}/worker').catch(function(){}); try { new WebSocket('${ws}/worker-ws'); } catch (e) {}";
  new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
});
attempt('service worker', function () { return navigator.serviceWorker && navigator.serviceWorker.register('/sw.js'); });
attempt('popup', function () { window.open('${canary}/popup'); });
attempt('webrtc', function () {
  var pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${canaryPort}' }] });
  pc.createDataChannel('x');
  return pc.createOffer().then(function (o) { return pc.setLocalDescription(o); });
});
setTimeout(function () {
  Promise.all(tries).then(function () {
    document.getElementById('r').innerHTML = '<article class="review" data-review-id="esc1"><p class="review-text">Northwind review after the attempts</p><time datetime="2025-01-01T00:00:00Z"></time></article>';
  });
}, 1500);
</script></body></html>`;
}

const profile = { item: 'article.review', text: 'p.review-text', date: 'time', dateAttribute: 'datetime' };

let srv: HostileServer;
let canary: Canary;
beforeAll(async () => {
  canary = await startCanary();
  srv = await startHostileServer({
    '/escape': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(canary.origin, canary.port)),
    // A service worker on the allowed origin that would proxy the page's requests to the canary.
    '/sw.js': (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(`self.addEventListener('install', function () { fetch('${canary.origin}/sw-install').catch(function () {}); });`),
  });
});
afterAll(async () => {
  await srv?.close();
  await canary?.close();
});

function crawlEscapePage(allowHosts: string[]) {
  const crawler = createSiteProfileCrawler({ net: { allowHosts }, limiter: new HostRateLimiter() });
  return crawlOnce(crawler, northwind, source({ kind: 'site-profile', url: `${srv.url}/escape`, render: 'browser', profile }));
}

describe('a crawled page reaching for a loopback service the URL guard refuses (browser SSRF)', () => {
  it('gets nowhere: no WebSocket, fetch, iframe, image, prefetch, preconnect, beacon, worker, service worker, popup or STUN packet reaches it', async () => {
    const out = await crawlEscapePage([srv.hostPort]);
    expect(out.items.map((i) => i.text)).toEqual(['Northwind review after the attempts']);
    // Give anything the browser might still send late a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
    expect({ connections: canary.connections, datagrams: canary.datagrams, requests: canary.requests }).toEqual({ connections: 0, datagrams: 0, requests: [] });
    // The refusals are on the run record, so a user sees what the page tried.
    expect(out.failures.every((f) => f.class === 'policy')).toBe(true);
    expect(out.failures.map((f) => f.reason).join('\n')).toMatch(/page script request refused: .*loopback/);
  });

  it('(control) the same page does reach the canary when the guard allows it, so the probe above can fail', async () => {
    const before = canary.connections;
    const out = await crawlEscapePage([srv.hostPort, `127.0.0.1:${canary.port}`]);
    expect(out.items).toHaveLength(1);
    expect(canary.connections).toBeGreaterThan(before);
    expect(canary.requests.some((r) => r.startsWith('GET /fetch'))).toBe(true);
  });
});
