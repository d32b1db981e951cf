/// <reference lib="dom" />
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { search } from '@luxlint/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecorder,
  foreignRequests,
  launchBrowser,
  openPage,
  startServer,
  stopServer,
} from './harness.js';
import { entryListing, fetchTerms, type TermRecord } from './terms-data.js';

let server: Server;
let origin: string;
let browser: Browser;
let terms: TermRecord[];
const recorder = createRecorder();

beforeAll(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
  terms = await fetchTerms(origin);
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

const input = '#term-search-input';

async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator(input).fill(query);
  await page.waitForFunction((wanted) => {
    const listbox = document.querySelector<HTMLElement>('#term-search-results');
    return listbox !== null && !listbox.hidden && listbox.dataset.query === wanted;
  }, query);
}

describe('term lookup', () => {
  // Misspelt, slang and abbreviated queries: the expected entry is the one whose data lists the
  // word (a match form, or an abbreviation), never a hard-coded id.
  const cases = [
    { query: 'kiddie porn', listedAs: 'kiddie porn' },
    { query: 'pedophille', listedAs: 'paedophile' },
    { query: 'CSEM', listedAs: 'CSEM' },
  ];

  for (const { query, listedAs } of cases) {
    it(`lands on the entry that lists “${listedAs}” for “${query}”, by keyboard`, async () => {
      const expected = entryListing(terms, listedAs);
      const page = await openPage(browser, recorder);
      await page.goto(`${origin}/`);
      await page.locator(input).focus();
      await searchFor(page, query);

      const first = page.locator('#term-search-results [role="option"]').first();
      expect(await first.getAttribute('data-id')).toBe(expected.id);
      expect(await first.locator('.status-badge').textContent()).toBeTruthy();
      if (expected.status !== 'use' && expected.preferred.length > 0) {
        const preferred = terms.find((term) => term.id === expected.preferred[0]);
        expect(await first.textContent()).toContain(`Use: ${preferred?.text.en.term}`);
      }
      await expect.poll(() => page.locator(input).getAttribute('aria-expanded')).toBe('true');

      await page.keyboard.press('ArrowDown');
      expect(await page.locator(input).getAttribute('aria-activedescendant')).toBe(
        await first.getAttribute('id'),
      );
      expect(await first.getAttribute('aria-selected')).toBe('true');
      await Promise.all([
        page.waitForURL(`${origin}${expected.page}`),
        page.keyboard.press('Enter'),
      ]);
      expect(await page.locator('main h1').textContent()).toBe(expected.text.en.term);
      await page.context().close();
    });
  }

  it('ranks exactly like `luxlint lookup` (the same @luxlint/search call, run in Node)', async () => {
    const page = await openPage(browser, recorder);
    await page.goto(`${origin}/`);
    for (const query of ['porn', 'prostitute', 'grooming', 'sex tourism', 'victim', 'child']) {
      const expected = search(query, { limit: 8 }).map((result) => result.term.id);
      expect(expected.length, query).toBeGreaterThan(0);
      await searchFor(page, query);
      const shown = await page.$$eval('#term-search-results [role="option"][data-id]', (options) =>
        options.map((option) => (option as HTMLElement).dataset.id),
      );
      expect(shown, query).toEqual(expected);
    }
    await page.context().close();
  });

  it('closes on Escape and says when nothing matches', async () => {
    const page = await openPage(browser, recorder);
    await page.goto(`${origin}/terms/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term-search-input');
    await searchFor(page, 'qwzxv');
    expect(await page.locator('#term-search-results').textContent()).toContain(
      'No entry for “qwzxv”',
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#term-search-results').isHidden()).toBe(true);
    expect(await page.locator(input).getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });

  it('shows a query containing HTML as text and never runs it', async () => {
    const page = await openPage(browser, recorder);
    await page.goto(`${origin}/`);
    for (const query of [
      '<img src=x onerror="window.__pwned = 1">',
      '<script>window.__pwned = 2</script>',
      '"><svg onload="window.__pwned = 3">',
    ]) {
      await searchFor(page, query);
      const listbox = page.locator('#term-search-results');
      expect(await listbox.locator('img, script, svg').count()).toBe(0);
      expect(await listbox.textContent()).toContain(query.trim());
    }
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.context().close();
  });

  it('requested nothing from any other host and broke no policy', () => {
    expect(recorder.requests.some((url) => url.includes('/_astro/'))).toBe(true);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.requests.filter((url) => url.endsWith('/x'))).toEqual([]);
    expect(recorder.violations).toEqual([]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.missing).toEqual([]);
  });
});
