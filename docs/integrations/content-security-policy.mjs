// @ts-check
/**
 * Adds a strict Content-Security-Policy <meta> to every built page.
 *
 * The policy allows nothing from any other host. Starlight inlines a few small scripts (the theme
 * provider that avoids a flash of the wrong theme, the sidebar state restorer) and a few `style`
 * attributes, so instead of 'unsafe-inline' each page gets the SHA-256 hashes of exactly the
 * inline scripts, <style> elements and style attributes it contains ('unsafe-hashes' is what
 * lets a hash cover an attribute). Astro 5's experimental CSP only hashes the scripts it bundles
 * itself, not Starlight's `is:inline` ones, which is why this runs after the build instead.
 * The policy is computed from the final HTML, so it cannot drift from what the page contains.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const styleElement = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const styleAttribute = /\sstyle=(?:"([^"]*)"|'([^']*)')/gi;

/** @param {string} text */
function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Attribute values are hashed as the browser sees them, after entity decoding. */
/** @param {string} value */
function decodeAttribute(value) {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#34;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * @param {string} html
 * @returns {string} the policy for this page
 */
export function policyFor(html) {
  const scripts = new Set();
  const styles = new Set();
  for (const [, attributes = '', body = ''] of html.matchAll(inlineScript)) {
    if (/\ssrc=/i.test(attributes)) continue;
    scripts.add(sha256(body));
  }
  for (const [, body = ''] of html.matchAll(styleElement)) styles.add(sha256(body));
  let attributeHashes = false;
  for (const [, double, single] of html.matchAll(styleAttribute)) {
    styles.add(sha256(decodeAttribute(double ?? single ?? '')));
    attributeHashes = true;
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scripts].join(' ')}`.trim(),
    `style-src 'self'${attributeHashes ? " 'unsafe-hashes'" : ''} ${[...styles].join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** @param {string} html */
export function withPolicy(html) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  // The policy governs only what comes after it, so it goes first in <head>.
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (charset.test(html)) return html.replace(charset, (tag) => tag + meta);
  return html.replace(/<head>/i, (tag) => tag + meta);
}

/** @param {string} directory @returns {AsyncGenerator<string>} */
async function* htmlFiles(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** @returns {import('astro').AstroIntegration} */
export function contentSecurityPolicy() {
  return {
    name: 'luxlint-content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, withPolicy(html));
          pages += 1;
        }
        logger.info(`Content-Security-Policy added to ${pages} pages`);
      },
    },
  };
}
