// Bundle the extension: the client (src → dist/extension.js) and the language server with all
// its dependencies (@luxlint/language-server's dist/bin.js → dist/server.cjs). Build the
// workspace with `tsc -b` first, so the server's dist is current.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

export async function buildExtension() {
  const serverPackage = path.dirname(require.resolve('@luxlint/language-server/package.json'));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'inline',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(packageDirectory, 'src/index.ts')],
      outfile: path.join(packageDirectory, 'dist/extension.js'),
      external: ['vscode'],
      // The client is mostly vscode-languageclient; the server stays readable for stack traces.
      minify: true,
    }),
    build({
      ...common,
      entryPoints: [path.join(serverPackage, 'dist/bin.js')],
      outfile: path.join(packageDirectory, 'dist/server.cjs'),
      // The server starts its lint worker from its own file; in CommonJS that file is __filename.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExtension();
