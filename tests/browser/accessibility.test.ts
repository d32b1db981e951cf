/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
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
let termPage: TermRecord;
const recorder = createRecorder();
/** Screenshots of a term page and the checker, for the issue note. */
const shots = process.env.LUXLINT_SHOTS ?? '/tmp/shots';

beforeAll(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
  termPage = entryListing(await fetchTerms(origin), 'child pornography');
  await mkdir(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

const checkerText =
  'The court heard that he had shared child pornography online. Reporters described the victims as child prostitutes.';

/** Each state axe checks: how to reach it from a fresh page. */
const states: { name: string; reach: (page: Page) => Promise<void> }[] = [
  { name: 'home', reach: async (page) => void (await page.goto(`${origin}/`)) },
  { name: 'index', reach: async (page) => void (await page.goto(`${origin}/terms/`)) },
  { name: 'term page', reach: async (page) => void (await page.goto(`${origin}${termPage.page}`)) },
  {
    name: 'search open',
    reach: async (page) => {
      await page.goto(`${origin}/`);
      await page.locator('#term-search-input').fill('porn');
      await page.waitForSelector('#term-search-results:not([hidden]) [role="option"]');
      await page.keyboard.press('ArrowDown');
    },
  },
  {
    name: 'checker with findings',
    reach: async (page) => {
      await page.goto(`${origin}/check/`);
      await page.locator('#checker-text').fill(checkerText);
      await page.getByRole('button', { name: 'Check text' }).click();
      await page.waitForSelector('.finding');
    },
  },
];

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const state of states) {
      it(`${state.name}, ${colorScheme}: no violations`, async () => {
        const page = await openPage(browser, recorder, { colorScheme });
        await state.reach(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('dark mode', () => {
  it('follows the system and the theme picker, and remembers the choice', async () => {
    const page = await openPage(browser, recorder, { colorScheme: 'light' });
    await page.goto(`${origin}${termPage.page}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);

    await page.goto(`${origin}/check/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  async function tabUntil(page: Page, matches: () => boolean, limit = 60): Promise<number> {
    for (let presses = 1; presses <= limit; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return presses;
    }
    throw new Error('never reached the element with Tab');
  }

  it('reaches the search box and the checker, and runs a check, with the keyboard alone', async () => {
    const page = await openPage(browser, recorder);
    await page.goto(`${origin}/`);
    await tabUntil(page, () => document.activeElement?.id === 'term-search-input');
    await tabUntil(page, () => {
      const active = document.activeElement;
      return active instanceof HTMLAnchorElement && new URL(active.href).pathname === '/check/';
    });
    await Promise.all([page.waitForURL(`${origin}/check/`), page.keyboard.press('Enter')]);

    await tabUntil(page, () => document.activeElement?.id === 'checker-text');
    await page.keyboard.type('They called her a child prostitute.');
    await tabUntil(page, () => document.activeElement?.textContent === 'Check text');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.finding');
    expect(await page.locator('.finding').count()).toBeGreaterThan(0);

    // Focus can move on into the findings: the copy button and the term link.
    await tabUntil(page, () => document.activeElement?.classList.contains('copy-button') ?? false);
    await tabUntil(page, () => document.activeElement?.classList.contains('finding-link') ?? false);
    await page.context().close();
  });
});

describe('screenshots', () => {
  it('captures a term page and the checker', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openPage(browser, recorder, {
        colorScheme,
        viewport: { width: 1280, height: 1100 },
      });
      await page.goto(`${origin}${termPage.page}`);
      await page.screenshot({ path: join(shots, `term-page-${colorScheme}.png`), fullPage: true });
      await page.goto(`${origin}/check/`);
      await page.locator('#checker-text').fill(checkerText);
      await page.getByRole('button', { name: 'Check text' }).click();
      await page.waitForSelector('.finding');
      await page.screenshot({ path: join(shots, `checker-${colorScheme}.png`), fullPage: true });
      await page.context().close();
    }
  });
});

describe('network', () => {
  it('requested nothing from any other host and broke no policy', () => {
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.violations).toEqual([]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.missing).toEqual([]);
  });
});
