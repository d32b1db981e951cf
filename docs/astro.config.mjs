// @ts-check
import starlight from '@astrojs/starlight';
import { categories, terms } from '@luxlint/terms';
import { defineConfig } from 'astro/config';
import { contentSecurityPolicy } from './integrations/content-security-policy.mjs';
import { categoryLabels } from './src/lib/labels.ts';

/*
 * One base URL for the whole site, term pages and JSON included. The checker passes
 * `<origin><base>terms/` to the plugin as `baseUrl`, so its links point at this deployment.
 *   LUXLINT_DOCS_SITE  origin the site is published at (default https://luxlint.dev)
 *   LUXLINT_DOCS_BASE  path prefix, e.g. /luxlint/ for a project page (default /)
 */
const site = process.env.LUXLINT_DOCS_SITE ?? 'https://luxlint.dev';
const base = process.env.LUXLINT_DOCS_BASE ?? '/';

/**
 * decode-named-character-reference (used by the Markdown parser) has a `browser` build that
 * decodes entities through `document`, which a Web Worker lacks; use its table-based build.
 * @returns {import('vite').Plugin}
 */
function entityDecoderWithoutDom() {
  return {
    name: 'luxlint-entity-decoder-without-dom',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== 'decode-named-character-reference') return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved && { ...resolved, id: resolved.id.replace(/index\.dom\.js$/, 'index.js') };
    },
  };
}

/** @type {Map<string, typeof terms[number][]>} */
const byCategory = new Map(categories.map((category) => [category, []]));
for (const term of terms) byCategory.get(term.category)?.push(term);

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // Code samples are plain text: no highlighter means no inline `style` attributes to allow.
  markdown: { syntaxHighlight: false },
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
    // The checker lints in a Web Worker. Its bundle imports code-split modules (ES module
    // workers), and must not take the DOM build of the HTML entity decoder (no `document` there).
    worker: { format: 'es', plugins: () => [entityDecoderWithoutDom()] },
  },
  integrations: [
    starlight({
      title: 'luxlint',
      description:
        'Terms for writing about the sexual exploitation and sexual abuse of children, after the Luxembourg Guidelines, and a checker for your text.',
      // The term lookup below replaces Pagefind: it ranks like `luxlint lookup`, needs no
      // WebAssembly (so the CSP needs no 'wasm-unsafe-eval') and keeps the build fast.
      pagefind: false,
      expressiveCode: false,
      customCss: ['./src/styles/site.css'],
      components: {
        Search: './src/components/TermSearch.astro',
        Banner: './src/components/ContentNote.astro',
      },
      sidebar: [
        { label: 'Home', link: '/' },
        { label: 'Check a text', link: '/check/' },
        { label: 'All terms', link: '/terms/' },
        {
          label: 'Guides',
          items: [
            { label: 'Writing about child sexual abuse', link: '/guides/writing/' },
            { label: 'Using luxlint', link: '/guides/using-luxlint/' },
          ],
        },
        { label: 'Content note', link: '/content-note/' },
        { label: 'About and licences', link: '/about/' },
        ...[...byCategory]
          .filter(([, entries]) => entries.length > 0)
          .map(([category, entries]) => ({
            label: categoryLabels[category],
            collapsed: true,
            items: entries.map((term) => ({
              label: term.text.en.term,
              link: `/terms/${term.id}/`,
            })),
          })),
      ],
    }),
    contentSecurityPolicy(),
  ],
});
