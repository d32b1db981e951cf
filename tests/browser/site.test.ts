/// <reference lib="dom" />
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { lint } from '@luxlint/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecorder,
  foreignRequests,
  launchBrowser,
  openPage,
  startServer,
  stopServer,
} from './harness.js';
import type { TermRecord } from './terms-data.js';

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

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, origin));
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('static JSON', () => {
  it('lists every entry in /terms.json, each with its own /terms/<id>.json', async () => {
    const index = await fetchJson<{ version: number; count: number; terms: TermRecord[] }>(
      '/terms.json',
    );
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

describe('one base URL', () => {
  it('publishes each entry at the address the plugin links to by default', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    // An entry's own flagged example is sure to produce a message about it.
    const entry = terms.find(
      (term) => term.status === 'avoid' && term.text.en.examples.incorrect.length > 0,
    )!;
    const example = entry.text.en.examples.incorrect[0]!.text;
    const message = lint(example, { format: 'text' }).messages.find(
      (candidate) => candidate.ruleId === entry.id,
    );
    expect(message?.url).toBe(entry.url);
    // The absolute address is the site origin plus the page path the site serves.
    expect(new URL(entry.url).pathname).toBe(entry.page);
  });
});

describe('pages', () => {
  it('gives every entry a page whose heading is the term and whose links all resolve', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    const start = [
      '/',
      '/terms/',
      '/check/',
      '/about/',
      '/content-note/',
      ...terms.map((t) => t.page),
    ];
    const queue = [...start];
    const seen = new Set(queue);
    const pages = new Map<string, { ids: Set<string>; heading: string }>();
    const links: { from: string; to: URL }[] = [];
    const broken: string[] = [];
    // Crawled over HTTP (the same server the browser uses): a browser per page would add minutes.
    while (queue.length > 0) {
      const path = queue.shift()!;
      const response = await fetch(origin + path);
      if (response.status !== 200) {
        broken.push(`${path} → ${response.status}`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      const html = await response.text();
      const ids = new Set(
        [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => decodeEntities(match[1]!)),
      );
      const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
      pages.set(path, { ids, heading: decodeEntities(heading.replace(/<[^>]+>/g, '')).trim() });
      for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        const to = new URL(decodeEntities(href!), origin + path);
        if (to.origin !== origin) continue;
        links.push({ from: path, to });
        if (!seen.has(to.pathname)) {
          seen.add(to.pathname);
          queue.push(to.pathname);
        }
      }
    }
    for (const { from, to } of links) {
      const target = pages.get(to.pathname);
      if (to.hash.length > 1 && target && !target.ids.has(decodeURIComponent(to.hash.slice(1)))) {
        broken.push(`${from} links to missing anchor ${to.pathname}${to.hash}`);
      }
    }
    expect(broken).toEqual([]);
    for (const term of terms)
      expect(pages.get(term.page)?.heading, term.id).toBe(term.text.en.term);
    // Every related and preferred id became a link to a page that exists.
    for (const term of terms) {
      for (const id of [...term.related, ...term.preferred]) {
        expect(
          links.some((link) => link.from === term.page && link.to.pathname === `/terms/${id}/`),
          `${term.id} → ${id}`,
        ).toBe(true);
      }
    }
    expect(links.length).toBeGreaterThan(terms.length);
  });

  it('puts a Content-Security-Policy on every page that allows no other host', async () => {
    const page = await openPage(browser, recorder);
    for (const path of ['/', '/terms/', '/check/', '/about/']) {
      await page.goto(origin + path);
      const policy = await page.getAttribute(
        'meta[http-equiv="Content-Security-Policy"]',
        'content',
      );
      expect(policy, path).toContain("default-src 'self'");
      expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
      // It must come before anything it governs.
      const first = await page.evaluate(() =>
        document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'),
      );
      expect(first).toBe('Content-Security-Policy');
    }
    await page.context().close();
  });

  it('enforces the policy: an injected inline script or a request to another host is refused', async () => {
    const probe = createRecorder();
    const page = await openPage(browser, probe);
    await page.goto(`${origin}/check/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.head.append(script);
    });
    const fetched = await page.evaluate(() =>
      fetch('http://127.0.0.2:9/').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    expect(
      await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
    ).toBeUndefined();
    await expect.poll(() => probe.violations.length).toBeGreaterThanOrEqual(2);
    // Refused before any connection: the request never reached the network.
    expect(foreignRequests(probe, origin)).toEqual([]);
    await page.context().close();
  });

  it('shows the index as a plain grouped list without JavaScript', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    const page = await openPage(browser, recorder, { javaScriptEnabled: false });
    await page.goto(`${origin}/terms/`);
    expect(await page.locator('.term-list li').count()).toBe(terms.length);
    expect(await page.locator('fieldset.status-filter').isHidden()).toBe(true);
    expect(await page.locator('.term-group h2').count()).toBeGreaterThan(1);
    await page.context().close();
  });

  it('filters the index by status with the keyboard', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    const page = await openPage(browser, recorder);
    await page.goto(`${origin}/terms/`);
    const filter = page.locator('fieldset.status-filter');
    expect(await filter.isVisible()).toBe(true);
    await filter.getByRole('radio', { name: /^Use \(/ }).focus();
    await page.keyboard.press('Space');
    const visible = () => page.locator('.term-list li:visible').count();
    const useCount = terms.filter((term) => term.status === 'use').length;
    await expect.poll(visible).toBe(useCount);
    expect(await page.locator('.filter-status').textContent()).toBe(`Showing ${useCount} entries.`);
    // A group with no entry of that status disappears with its heading.
    for (const group of await page.locator('.term-group').all()) {
      const shown = await group.locator('li:visible').count();
      expect(await group.isVisible()).toBe(shown > 0);
    }
    await filter.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(visible).toBe(terms.length);
    await page.context().close();
  });

  it('copies a suggestion from the “Use instead” box', async () => {
    const { terms } = await fetchJson<{ terms: TermRecord[] }>('/terms.json');
    const avoided = terms.find((term) => term.status === 'avoid' && term.preferred.length > 0)!;
    const page = await openPage(browser, recorder, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(origin + avoided.page);
    const box = page.locator('.use-instead');
    expect(await box.isVisible()).toBe(true);
    const button = box.locator('button.copy-button').first();
    const text = await button.getAttribute('data-copy');
    expect(text).toBeTruthy();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.context().close();
  });

  it('requested nothing from any other host and broke no policy', () => {
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.violations).toEqual([]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.missing).toEqual([]);
  });
});
