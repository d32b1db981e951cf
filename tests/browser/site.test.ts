/// <reference lib="dom" />
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecorder,
  foreignRequests,
  launchBrowser,
  openPage,
  startServer,
  stopServer,
} from './harness.js';

interface TermRecord {
  id: string;
  status: string;
  page: string;
  json: string;
  url: string;
  related: string[];
  preferred: string[];
  text: { en: { term: string } };
}

let server: Server;
let origin: string;
let browser: Browser;
const recorder = createRecorder();

beforeAll(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, origin));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('static JSON', () => {
  it('lists every entry in /terms.json, each with its own /terms/<id>.json', async () => {
    const index = await fetchJson<{ version: number; count: number; terms: TermRecord[] }>('/terms.json');
    expect(index.version).toBe(1);
    expect(index.terms.length).toBe(index.count);
    expect(index.count).toBeGreaterThan(0);
    for (const term of index.terms) {
      expect(term.page).toBe(`/terms/${term.id}/`);
      const single = await fetchJson<TermRecord>(term.json);
      expect(single).toEqual(term);
    }
  });
});

describe('pages', () => {
  it('gives every entry a page whose heading is the term and whose links all resolve', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    const start = ['/', '/terms/', '/check/', '/about/', '/content-note/', ...terms.map((t) => t.page)];
    const queue = [...start];
    const seen = new Set(queue);
    const broken: string[] = [];
    const page = await openPage(browser, recorder);
    const headings = new Map<string, string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      const response = await page.goto(origin + path);
      if (!response || response.status() !== 200) {
        broken.push(`${path} → ${response?.status()}`);
        continue;
      }
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      headings.set(path, (await page.locator('main h1').first().textContent())?.trim() ?? '');
      const links = await page.$$eval('a[href]', (anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).href),
      );
      for (const link of links) {
        const url = new URL(link);
        if (url.origin !== origin) continue;
        const target = url.pathname;
        if (url.hash.length > 1 && target === new URL(page.url()).pathname) {
          const id = decodeURIComponent(url.hash.slice(1));
          const exists = await page.evaluate((hashId) => document.getElementById(hashId) !== null, id);
          if (!exists) broken.push(`${path} links to missing anchor ${url.hash}`);
        }
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    expect(broken).toEqual([]);
    for (const term of terms) expect(headings.get(term.page), term.id).toBe(term.text.en.term);
    // Related and preferred ids all became links to pages that exist (checked above).
    expect(seen.size).toBeGreaterThan(terms.length);
    await page.context().close();
  }, 300_000);

  it('puts a Content-Security-Policy on every page that allows no other host', async () => {
    const page = await openPage(browser, recorder);
    for (const path of ['/', '/terms/', '/check/', '/about/']) {
      await page.goto(origin + path);
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(policy, path).toContain("default-src 'self'");
      expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
      // It must come before anything it governs.
      const first = await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'));
      expect(first).toBe('Content-Security-Policy');
    }
    await page.context().close();
  });

  it('requested nothing from any other host and broke no policy', () => {
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.violations).toEqual([]);
    expect(recorder.errors).toEqual([]);
  });
});
