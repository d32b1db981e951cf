/**
 * The docs site's checker runs `lint` in the browser: the package and everything it imports must
 * bundle for the browser without Node built-ins. esbuild (already here through vitest → vite)
 * fails on any `node:*`, `fs` or `path` import when the platform is the browser.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    metafile: { inputs: Record<string, unknown> };
    outputFiles: Array<{ contents: Uint8Array }>;
  }>;
}

const require = createRequire(import.meta.url);
const esbuild = createRequire(createRequire(require.resolve('vitest')).resolve('vite'))(
  'esbuild',
) as Esbuild;

describe('browser safety', () => {
  it(
    'bundles @luxlint/lint for the browser with no Node built-in',
    { timeout: 60_000 },
    async () => {
      const result = await esbuild.build({
        stdin: {
          contents: "export { lint, applyFixes, formatFromPath } from '@luxlint/lint';",
          resolveDir: import.meta.dirname,
          loader: 'js',
        },
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((input) => input.includes('/lint/dist/lib/lint.js'))).toBe(true);
      expect(inputs.filter((input) => /^node:|(^|\/)(fs|path|os|module)\.js$/.test(input))).toEqual(
        [],
      );
      expect(result.outputFiles[0]?.contents.length).toBeGreaterThan(0);
    },
  );
});
