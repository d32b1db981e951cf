/// <reference lib="dom" />
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from './docx.js';
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
let scratch: string;
const recorder = createRecorder();

beforeAll(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
  terms = await fetchTerms(origin);
  scratch = await mkdtemp(join(tmpdir(), 'luxlint-checker-'));
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const paragraph =
  'Investigators said the forum had traded child pornography for years. One member had also ' +
  'travelled to the region for child sex tourism, according to the charge sheet.';

async function openChecker(): Promise<Page> {
  const page = await openPage(browser, recorder);
  await page.goto(`${origin}/check/`);
  return page;
}

async function check(page: Page, text: string): Promise<void> {
  await page.locator('#checker-text').fill(text);
  await page.getByRole('button', { name: 'Check text' }).click();
  await page.waitForFunction(() => {
    const summary = document.querySelector('[data-summary]')?.textContent ?? '';
    return /finding|No discouraged/.test(summary);
  });
}

interface ShownFinding {
  ruleId: string;
  actual: string;
  marked: string;
  context: string;
  suggestions: string[];
  reason: string;
  reasonCode: string[];
  link: string;
}

function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.$$eval('.finding', (items) =>
    items.map((item) => ({
      ruleId: (item as HTMLElement).dataset.ruleId ?? '',
      actual: item.querySelector('.finding-actual')?.textContent ?? '',
      marked: item.querySelector('.finding-context mark')?.textContent ?? '',
      context: item.querySelector('.finding-context')?.textContent ?? '',
      suggestions: Array.from(item.querySelectorAll('.finding-suggestion')).map(
        (node) => node.textContent ?? '',
      ),
      reason: item.querySelector('.finding-reason')?.textContent ?? '',
      reasonCode: Array.from(item.querySelectorAll('.finding-reason code')).map(
        (node) => node.textContent ?? '',
      ),
      link: item.querySelector<HTMLAnchorElement>('a.finding-link')?.href ?? '',
    })),
  );
}

describe('checker', () => {
  it('says that nothing is uploaded', async () => {
    const page = await openChecker();
    expect(await page.locator('.privacy-note').textContent()).toContain('Nothing is uploaded');
    await page.context().close();
  });

  it('lists “child pornography” and “child sex tourism” in a pasted paragraph, with suggestions', async () => {
    const pornography = entryListing(terms, 'child pornography');
    const tourism = entryListing(terms, 'child sex tourism');
    const page = await openChecker();
    await check(page, paragraph);
    const findings = await shownFindings(page);

    for (const [entry, actual] of [
      [pornography, 'child pornography'],
      [tourism, 'child sex tourism'],
    ] as const) {
      const finding = findings.find((shown) => shown.ruleId === entry.id);
      expect(finding, entry.id).toBeDefined();
      expect(finding?.actual).toBe(actual);
      expect(finding?.marked).toBe(actual);
      // The context is the sentence, not the whole paragraph.
      expect(paragraph).toContain(finding?.context.trim());
      expect(finding?.context.trim().length).toBeLessThan(paragraph.length);
      expect(finding?.suggestions.length).toBeGreaterThan(0);
      // The reason names the terms as code, without the plugin's backticks.
      expect(finding?.reason).not.toContain('`');
      expect(finding?.reasonCode).toContain(actual);
      expect(finding?.link).toBe(`${origin}${entry.page}`);
    }
    expect(await page.locator('[data-summary]').textContent()).toMatch(/^2 findings/);
    // The lint ran in a Web Worker, off the page's main thread.
    expect(page.workers().some((worker) => /lint-worker/.test(worker.url()))).toBe(true);

    // The link leads to the term's page on this site.
    const first = findings.find((shown) => shown.ruleId === pornography.id);
    const response = await page.goto(first?.link ?? '');
    expect(response?.status()).toBe(200);
    expect(await page.locator('main h1').textContent()).toBe(pornography.text.en.term);
    await page.context().close();
  });

  it('leaves a legal title alone, and lists it only when asked, saying why', async () => {
    const text =
      'The Optional Protocol on the sale of children, child prostitution and child pornography entered into force in 2002.';
    const page = await openChecker();
    await check(page, text);
    expect(await page.locator('[data-summary]').textContent()).toBe('No discouraged terms found.');
    expect(await page.locator('.finding').count()).toBe(0);

    await page.locator('#checker-skipped').check();
    await check(page, text);
    expect(await page.locator('[data-summary]').textContent()).toMatch(
      /^No discouraged terms found \(\d+ left alone\)\.$/,
    );
    const notes = await page.locator('.finding').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toContain('left alone: part of the title');
    await page.context().close();
  });

  it('reads a .docx dropped on the text box, in the page', async () => {
    const pornography = entryListing(terms, 'child pornography');
    const docx = makeDocx(['Court report', 'The defendant admitted possessing child pornography.']);
    const page = await openChecker();
    // A real drag and drop: a DataTransfer holding the file, dropped on the drop zone.
    const transfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'draft.docx'));
      return data;
    }, docx.toString('base64'));
    await page.dispatchEvent('[data-drop-zone]', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() =>
      /finding/.test(document.querySelector('[data-summary]')?.textContent ?? ''),
    );
    expect(await page.locator('[data-file-status]').textContent()).toContain('Read draft.docx');
    expect(await page.locator('#checker-text').inputValue()).toContain(
      'The defendant admitted possessing',
    );
    const findings = await shownFindings(page);
    expect(findings.map((finding) => finding.ruleId)).toContain(pornography.id);

    // The same file through the file picker.
    const file = join(scratch, 'picked.docx');
    await writeFile(file, docx);
    await page.locator('#checker-text').fill('');
    await page.locator('#checker-file').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-file-status]').textContent())
      .toContain('Read picked.docx');
    expect(await page.locator('#checker-text').inputValue()).toContain('admitted possessing');
    await page.context().close();
  });

  it('reads a .md file as Markdown and refuses a file it cannot read, saying why', async () => {
    const markdown = join(scratch, 'notes.md');
    await writeFile(
      markdown,
      '# Notes\n\nThe site hosted `child pornography` in code and child pornography in prose.\n',
    );
    const page = await openChecker();
    await page.locator('#checker-file').setInputFiles(markdown);
    await page.waitForFunction(() =>
      /finding/.test(document.querySelector('[data-summary]')?.textContent ?? ''),
    );
    expect(await page.locator('#checker-format').inputValue()).toBe('markdown');
    // Inline code is never linted: only the prose occurrence is reported.
    expect((await shownFindings(page)).length).toBe(1);

    const pdf = join(scratch, 'scan.pdf');
    await writeFile(pdf, '%PDF-1.7 binary');
    await page.locator('#checker-file').setInputFiles(pdf);
    await expect
      .poll(() => page.locator('[data-file-status]').textContent())
      .toContain('scan.pdf: the checker reads .txt, .md and .docx files.');

    const broken = join(scratch, 'broken.docx');
    await writeFile(broken, 'not a zip');
    await page.locator('#checker-file').setInputFiles(broken);
    await expect
      .poll(() => page.locator('[data-file-status]').textContent())
      .toContain('broken.docx could not be read as a Word document');
    await page.context().close();
  });

  it('shows pasted HTML and script as text and never runs it', async () => {
    const hostile =
      '<img src=x onerror="window.__pwned = 1"> The <b>child pornography</b> case. ' +
      '<script>window.__pwned = 2</script> "><svg onload="window.__pwned = 3">';
    const page = await openChecker();
    for (const format of ['text', 'html', 'markdown']) {
      await page.locator('#checker-format').selectOption(format);
      await check(page, hostile);
      const findings = page.locator('[data-findings]');
      expect(await findings.locator('img, script, svg, b').count()).toBe(0);
      if (format === 'text') {
        expect(await findings.textContent()).toContain('<img src=x onerror="window.__pwned = 1">');
      }
    }
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await page.context().close();
  });

  it('uploaded nothing and requested nothing from any other host', () => {
    expect(recorder.requests.some((url) => url.includes('/_astro/'))).toBe(true);
    expect(recorder.sends).toEqual([]);
    expect(foreignRequests(recorder, origin)).toEqual([]);
    expect(recorder.requests.filter((url) => url.endsWith('/x'))).toEqual([]);
    expect(recorder.violations).toEqual([]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.missing).toEqual([]);
  });
});
