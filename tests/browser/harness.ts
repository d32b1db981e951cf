/**
 * Shared set-up of the browser tests: a static server for docs/dist on 127.0.0.1:0, a headless
 * Debian chromium, and pages that record every request and every CSP violation.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const distDirectory = resolve(fileURLToPath(new URL('../../docs/dist/', import.meta.url)));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serve docs/dist like a static host: /a/ → /a/index.html, unknown paths → 404.html with 404. */
export async function startServer(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(distDirectory, 'index.html'))) {
    throw new Error(`${distDirectory} has no index.html: run \`pnpm docs:build\` first`);
  }
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(distDirectory, path));
    if (!file.startsWith(distDirectory + sep) && file !== distDirectory) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      const notFound = await readFile(join(distDirectory, '404.html')).catch(() => 'Not found');
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything a page asked for and every policy violation it reported, across a test file. */
export interface Recorder {
  requests: string[];
  /** Requests other than GET: uploading anything would show up here. */
  sends: string[];
  violations: string[];
  errors: string[];
  /** Responses with an error status: a broken asset or link the page itself asked for. */
  missing: string[];
}

export function createRecorder(): Recorder {
  return { requests: [], sends: [], violations: [], errors: [], missing: [] };
}

export async function openPage(
  browser: Browser,
  recorder: Recorder,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('request', (request) => {
    recorder.requests.push(request.url());
    if (request.method() !== 'GET') recorder.sends.push(`${request.method()} ${request.url()}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) recorder.violations.push(text);
  });
  page.on('pageerror', (error) => recorder.errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) recorder.missing.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

/** Requests to anything but the test server (data: URLs are not requests to a host). */
export function foreignRequests(recorder: Recorder, origin: string): string[] {
  return recorder.requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && url !== 'about:blank',
  );
}

let axeSource: string | undefined;

/** Inject axe-core from the npm package and run the WCAG 2 A/AA rules. */
export async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) blocked by the CSP.
  axeSource ??= await readFile(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (options: unknown) => Promise<AxeResults> } }
    ).axe;
    const results = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
  });
}

interface AxeResults {
  violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[];
}
