// Bundle the server and all its dependencies into one CommonJS file, dist/server.cjs, that runs
// with nothing but Node (the VS Code extension ships it; editors can run it without node_modules).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

export async function bundleServer(outfile = `${packageDirectory}dist/server.cjs`) {
  await build({
    entryPoints: [`${packageDirectory}src/bin.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: false,
    legalComments: 'inline',
    // bin.ts starts its lint worker from its own file; in CommonJS that file is __filename.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = await bundleServer(process.argv[2]);
  process.stdout.write(`${outfile}\n`);
}
