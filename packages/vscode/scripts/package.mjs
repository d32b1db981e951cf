// Build, then package the extension with vsce (offline; dependencies are bundled, so
// --no-dependencies). Usage: node scripts/package.mjs [out.vsix]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './build.mjs';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

await buildExtension();
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const out = path.resolve(process.argv[2] ?? path.join(packageDirectory, 'luxlint-vscode.vsix'));
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
  {
    cwd: packageDirectory,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
