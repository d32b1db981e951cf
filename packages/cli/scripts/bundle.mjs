// Bundle the command line into dist/bundle/: an ES module entry (bin.js), the worker thread's
// entry (worker.js) and lazily loaded chunks. Node then reads a handful of files instead of the
// ~140 modules of unified, micromark and parse5 one by one, which was half the start-up time of a
// one-draft run. Commands still import what they need on demand, so `--version` and `lookup`
// load only the small chunks they use.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const asciiStringWidth = fileURLToPath(new URL('string-width-ascii.mjs', import.meta.url));

/** vfile-reporter's `string-width` → string-width-ascii.mjs, which wraps the real one. */
const asciiStringWidthPlugin = {
  name: 'ascii-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      if (args.importer === asciiStringWidth) {
        // The wrapper's own import: the string-width vfile-reporter depends on.
        const reporter = await build.resolve('vfile-reporter', {
          kind: 'import-statement',
          resolveDir: packageDirectory,
        });
        return build.resolve('string-width', {
          kind: 'import-statement',
          resolveDir: path.dirname(reporter.path),
          pluginData: 'real',
        });
      }
      return { path: asciiStringWidth };
    });
  },
};

export async function bundleCli(outdir = `${packageDirectory}dist/bundle`) {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: {
      bin: `${packageDirectory}src/bin.ts`,
      worker: `${packageDirectory}src/lib/worker.ts`,
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Flat, so that `new URL('./worker.js', import.meta.url)` and `../../package.json` resolve
    // the same from every chunk as from dist/lib/.
    chunkNames: '[name]-[hash]',
    sourcemap: false,
    minify: false,
    legalComments: 'inline',
    // mammoth and jszip are CommonJS and call require() for Node built-ins; an ES module bundle
    // has no require of its own.
    banner: {
      js: "import { createRequire as __luxlintCreateRequire } from 'node:module'; const require = __luxlintCreateRequire(import.meta.url);",
    },
    plugins: [asciiStringWidthPlugin],
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await bundleCli(process.argv[2]);
  process.stdout.write(`${outdir}\n`);
}
