/**
 * The architecture of DESIGN.md, enforced:
 *
 *   terms → {search, retext-luxembourg, config} → lint → {cli, language-server, docs}
 *
 * A package may depend on any package in an earlier layer, never on one in its own or a later
 * layer (so search, retext-luxembourg and config never import each other, nor do cli,
 * language-server and docs). config (reading .luxlintrc files) may use only terms. vscode imports no workspace package at runtime: it spawns the language server.
 * Checked on package.json dependencies and on the import specifiers actually written in the
 * source. Also: only packages/terms reads the terms/ folder, and every `src/index.ts` only
 * re-exports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'terms');

/** Layer of each workspace package; a package may import only from a lower layer. */
const layers: Readonly<Record<string, number>> = {
  '@luxlint/terms': 0,
  '@luxlint/search': 1,
  'retext-luxembourg': 1,
  '@luxlint/config': 1,
  '@luxlint/lint': 2,
  luxlint: 3,
  '@luxlint/language-server': 3,
  '@luxlint/docs': 3,
};
const vscodeName = 'luxlint-vscode';
/** vscode may list the server it spawns (to locate its bin), but never import it at runtime. */
const vscodeSpawns = '@luxlint/language-server';

interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Record<string, unknown>;
  /** Folders (relative to `dir`) whose code belongs to the package at runtime. */
  readonly codeRoots: readonly string[];
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function workspacePackages(): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = readJson(join(dir, 'package.json'));
    found.push({ name: String(manifest['name']), dir, manifest, codeRoots: ['src'] });
  }
  if (existsSync(join(root, 'docs', 'package.json'))) {
    const manifest = readJson(join(root, 'docs', 'package.json'));
    found.push({
      name: String(manifest['name']),
      dir: join(root, 'docs'),
      manifest,
      codeRoots: ['src', 'integrations', 'astro.config.mjs', 'astro.config.ts'],
    });
  }
  return found;
}

const packages = workspacePackages();
const workspaceNames = new Set(packages.map((pkg) => pkg.name));
const display = (path: string) => relative(root, path).split(sep).join('/');

/** Why `from` may not depend on `to`, or undefined when it may. */
function forbiddenEdge(from: string, to: string, typeOnly: boolean): string | undefined {
  if (from === to) return undefined;
  if (from === vscodeName) {
    if (typeOnly && to === vscodeSpawns) return undefined;
    return `${from} → ${to}: vscode imports no workspace package at runtime; it spawns ${vscodeSpawns}`;
  }
  const fromLayer = layers[from];
  const toLayer = layers[to];
  if (fromLayer === undefined)
    return `${from} → ${to}: ${from} is not in the layer table of this test`;
  if (toLayer === undefined) return `${from} → ${to}: ${to} may not be imported by any package`;
  if (toLayer < fromLayer) return undefined;
  const allowed = Object.keys(layers).filter((name) => (layers[name] ?? Infinity) < fromLayer);
  return `${from} → ${to} is not allowed (${from} may use: ${allowed.join(', ') || 'no workspace package'})`;
}

const sourceExtensions = /\.(?:[cm]?[jt]sx?|astro|mdx)$/;

function listSourceFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return sourceExtensions.test(path) ? [path] : [];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    out.push(...listSourceFiles(join(path, name)));
  }
  return out;
}

function codeFiles(pkg: WorkspacePackage): string[] {
  return pkg.codeRoots.flatMap((codeRoot) => listSourceFiles(join(pkg.dir, codeRoot)));
}

interface Specifier {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** Every string literal of a script, with its line. */
function stringLiterals(code: string, fileName = 'file.ts'): { text: string; line: number }[] {
  const source = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push({ text: node.text, line: line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The script parts of a file, blanked elsewhere so line numbers stay right: all of a .ts/.js
 * file; the front matter and `<script>` blocks of an .astro file; the import/export lines of .mdx.
 */
function scriptOf(path: string, code: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  if (path.endsWith('.astro')) {
    const kept: [number, number][] = [];
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(code);
    if (frontMatter?.[1] !== undefined) kept.push([4, 4 + frontMatter[1].length]);
    for (const script of code.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      const start = script.index + script[0].indexOf('>') + 1;
      kept.push([start, start + (script[1]?.length ?? 0)]);
    }
    let out = '';
    let at = 0;
    for (const [start, end] of kept.sort((a, b) => a[0] - b[0])) {
      out += blank(code.slice(at, start)) + code.slice(start, end);
      at = end;
    }
    return out + blank(code.slice(at));
  }
  if (path.endsWith('.mdx')) {
    return code
      .split('\n')
      .map((line) => (/^(import|export)\s/.test(line) ? line : blank(line)))
      .join('\n');
  }
  return code;
}

/**
 * Every module specifier in a script, read from its syntax tree: import/export … from,
 * side-effect imports, dynamic import(), require() and `import x = require()`.
 */
function findSpecifiers(code: string, fileName = 'file.ts'): Specifier[] {
  const source = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: Specifier[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push({ specifier: literal.text, typeOnly, line: line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      add(node, node.moduleSpecifier, Boolean(clause?.isTypeOnly) || allNamedTypes);
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isImport || isRequire) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(node, argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const dataFile =
  /(?:^|\/)terms\/(?:[a-z-]+\/[a-z0-9-]+\.ya?ml|schema\.json|legal-titles\.ya?ml|languages\/)/;

/** Does a string in `file` name the terms/ folder (relative to the file) or one of its data files? */
function pointsIntoData(file: string, text: string): boolean {
  const resolved = /^\.\.?\//.test(text) ? resolve(dirname(file), text) : undefined;
  if (resolved !== undefined && (resolved === dataDir || resolved.startsWith(dataDir + sep)))
    return true;
  return dataFile.test(text);
}

function workspaceTarget(specifier: string): string | undefined {
  for (const name of workspaceNames) {
    if (specifier === name || specifier.startsWith(`${name}/`)) return name;
  }
  return undefined;
}

function packageOwning(path: string): WorkspacePackage | undefined {
  return packages.find((pkg) => path === pkg.dir || path.startsWith(pkg.dir + sep));
}

describe('architecture', () => {
  it('finds the workspace packages and their code', () => {
    const names = packages.map((pkg) => pkg.name);
    for (const name of [...Object.keys(layers), vscodeName]) expect(names).toContain(name);
    const files = packages.flatMap(codeFiles);
    expect(files.length).toBeGreaterThan(10);
  });

  it('finds every kind of module specifier (so the checks below can fail)', () => {
    const code = [
      "import a from '@luxlint/terms';",
      "import type { B } from '@luxlint/search';",
      'import {',
      '  c,',
      "} from 'retext-luxembourg';",
      "export * from './lib/x.js';",
      "export type { D } from '@luxlint/lint';",
      "import 'side-effect';",
      "const e = await import('luxlint');",
      "const f = require('@luxlint/language-server');",
      "// import g from 'in-a-comment';",
      "const url = 'https://example.org/import'; Array.from('abc');",
      "import { type H, type I } from '@luxlint/search';",
      "type J = import('@luxlint/terms').Term;",
    ].join('\n');
    expect(findSpecifiers(code)).toEqual([
      { specifier: '@luxlint/terms', typeOnly: false, line: 1 },
      { specifier: '@luxlint/search', typeOnly: true, line: 2 },
      { specifier: 'retext-luxembourg', typeOnly: false, line: 3 },
      { specifier: './lib/x.js', typeOnly: false, line: 6 },
      { specifier: '@luxlint/lint', typeOnly: true, line: 7 },
      { specifier: 'side-effect', typeOnly: false, line: 8 },
      { specifier: 'luxlint', typeOnly: false, line: 9 },
      { specifier: '@luxlint/language-server', typeOnly: false, line: 10 },
      { specifier: '@luxlint/search', typeOnly: true, line: 13 },
      { specifier: '@luxlint/terms', typeOnly: true, line: 14 },
    ]);
  });

  it('reads the script parts of .astro and .mdx files', () => {
    const astro = [
      '---',
      "import Layout from '../layouts/Layout.astro';",
      "import { terms } from '@luxlint/terms';",
      '---',
      '<p>import x from "not-code"</p>',
      '<script>',
      "  import { lint } from '@luxlint/lint';",
      '</script>',
    ].join('\n');
    expect(
      findSpecifiers(scriptOf('page.astro', astro)).map(({ specifier, line }) => [specifier, line]),
    ).toEqual([
      ['../layouts/Layout.astro', 2],
      ['@luxlint/terms', 3],
      ['@luxlint/lint', 7],
    ]);
    const mdx = [
      "import { Card } from '@astrojs/starlight/components';",
      '',
      'import this, from "prose"',
    ].join('\n');
    expect(findSpecifiers(scriptOf('page.mdx', mdx)).map(({ specifier }) => specifier)).toEqual([
      '@astrojs/starlight/components',
    ]);
  });

  it('package.json dependencies follow the allowed direction', () => {
    const violations: string[] = [];
    for (const pkg of packages) {
      for (const field of [
        'dependencies',
        'devDependencies',
        'peerDependencies',
        'optionalDependencies',
      ]) {
        const deps = (pkg.manifest[field] ?? {}) as Record<string, string>;
        for (const dep of Object.keys(deps).filter((name) => workspaceNames.has(name))) {
          const spawnOnly =
            pkg.name === vscodeName && dep === vscodeSpawns && field === 'devDependencies';
          const problem = spawnOnly ? undefined : forbiddenEdge(pkg.name, dep, false);
          if (problem)
            violations.push(`${display(join(pkg.dir, 'package.json'))} (${field}): ${problem}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('tsconfig references follow the allowed direction', () => {
    const violations: string[] = [];
    for (const pkg of packages) {
      const file = join(pkg.dir, 'tsconfig.json');
      if (!existsSync(file)) continue;
      const { config, error } = ts.readConfigFile(file, ts.sys.readFile) as {
        config?: { references?: { path: string }[] };
        error?: ts.Diagnostic;
      };
      expect(error, display(file)).toBeUndefined();
      for (const reference of config?.references ?? []) {
        const target = packageOwning(resolve(pkg.dir, reference.path));
        const problem = target
          ? forbiddenEdge(pkg.name, target.name, false)
          : `references ${reference.path}, which is not a workspace package`;
        if (problem) violations.push(`${display(file)}: ${problem}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('import specifiers in the source follow the allowed direction', () => {
    const violations: string[] = [];
    for (const pkg of packages) {
      for (const file of codeFiles(pkg)) {
        const script = scriptOf(file, readFileSync(file, 'utf8'));
        for (const { specifier, typeOnly, line } of findSpecifiers(script, file)) {
          const where = `${display(file)}:${line}`;
          if (specifier.startsWith('.')) {
            const target = resolve(dirname(file), specifier);
            const owner = packageOwning(target);
            if (target === dataDir || target.startsWith(dataDir + sep)) {
              if (pkg.name !== '@luxlint/terms') {
                violations.push(
                  `${where}: imports '${specifier}' from terms/; only @luxlint/terms reads it`,
                );
              }
            } else if (owner !== pkg) {
              violations.push(
                `${where}: '${specifier}' reaches into ${owner ? owner.name : display(target)}; import a package by its name`,
              );
            }
            continue;
          }
          const target = workspaceTarget(specifier);
          if (!target) continue;
          if (specifier !== target) {
            violations.push(
              `${where}: '${specifier}' is a deep import; import '${target}' by its name`,
            );
          }
          const problem = forbiddenEdge(pkg.name, target, typeOnly);
          if (problem) violations.push(`${where}: imports '${specifier}': ${problem}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('only packages/terms reads the terms/ folder', () => {
    const violations: string[] = [];
    const dataFile =
      /(?:^|\/)terms\/(?:[a-z-]+\/[a-z0-9-]+\.ya?ml|schema\.json|legal-titles\.ya?ml|languages\/)/;
    for (const pkg of packages) {
      if (pkg.name === '@luxlint/terms') continue;
      const files = [...codeFiles(pkg), ...listSourceFiles(join(pkg.dir, 'scripts'))];
      for (const file of files) {
        for (const { text, line } of stringLiterals(
          scriptOf(file, readFileSync(file, 'utf8')),
          file,
        )) {
          const resolved = /^\.\.?\//.test(text) ? resolve(dirname(file), text) : undefined;
          const intoData =
            resolved !== undefined && (resolved === dataDir || resolved.startsWith(dataDir + sep));
          if (intoData || dataFile.test(text)) {
            violations.push(
              `${display(file)}:${line}: '${text}' points into terms/; use @luxlint/terms`,
            );
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('recognises a path into terms/', () => {
    const file = join(root, 'packages', 'cli', 'src', 'lib', 'x.ts');
    expect(pointsIntoData(file, '../../../../terms')).toBe(true);
    expect(pointsIntoData(file, '../../../../terms/prostitution/child-prostitute.yml')).toBe(true);
    expect(pointsIntoData(file, 'terms/legal-titles.yml')).toBe(true);
    expect(pointsIntoData(file, '../../../terms')).toBe(false);
    expect(pointsIntoData(file, 'https://luxlint.dev/terms/')).toBe(false);
    expect(pointsIntoData(file, '.luxlintrc.yml')).toBe(false);
    expect(
      stringLiterals("const a = '../x'; const b = `../y/${z}`;").map(({ text }) => text),
    ).toEqual(['../x', '../y/']);
  });

  it('names the forbidden edge', () => {
    expect(forbiddenEdge('luxlint', '@luxlint/terms', false)).toBeUndefined();
    expect(forbiddenEdge('@luxlint/docs', '@luxlint/search', false)).toBeUndefined();
    expect(forbiddenEdge('@luxlint/lint', 'retext-luxembourg', false)).toBeUndefined();
    expect(forbiddenEdge('@luxlint/terms', '@luxlint/lint', false)).toBe(
      '@luxlint/terms → @luxlint/lint is not allowed (@luxlint/terms may use: no workspace package)',
    );
    expect(forbiddenEdge('retext-luxembourg', '@luxlint/search', false)).toBe(
      'retext-luxembourg → @luxlint/search is not allowed (retext-luxembourg may use: @luxlint/terms)',
    );
    expect(forbiddenEdge('luxlint', '@luxlint/language-server', false)).toBe(
      'luxlint → @luxlint/language-server is not allowed (luxlint may use: @luxlint/terms, @luxlint/search, retext-luxembourg, @luxlint/config, @luxlint/lint)',
    );
    expect(forbiddenEdge('luxlint', '@luxlint/config', false)).toBeUndefined();
    expect(forbiddenEdge('@luxlint/language-server', '@luxlint/config', false)).toBeUndefined();
    expect(forbiddenEdge('@luxlint/config', '@luxlint/search', false)).toBe(
      '@luxlint/config → @luxlint/search is not allowed (@luxlint/config may use: @luxlint/terms)',
    );
    expect(forbiddenEdge('luxlint-vscode', '@luxlint/language-server', false)).toBe(
      'luxlint-vscode → @luxlint/language-server: vscode imports no workspace package at runtime; it spawns @luxlint/language-server',
    );
    expect(forbiddenEdge('luxlint-vscode', '@luxlint/language-server', true)).toBeUndefined();
  });

  it('every src/index.ts only re-exports', () => {
    const violations: string[] = [];
    let checked = 0;
    for (const pkg of packages) {
      const file = join(pkg.dir, 'src', 'index.ts');
      if (!existsSync(file)) continue;
      checked++;
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      for (const statement of source.statements) {
        if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) continue;
        // `export {}` marks an empty module (a package not written yet); it exports nothing.
        const emptyExport =
          ts.isExportDeclaration(statement) &&
          statement.exportClause !== undefined &&
          ts.isNamedExports(statement.exportClause) &&
          statement.exportClause.elements.length === 0;
        if (emptyExport) continue;
        const { line } = source.getLineAndCharacterOfPosition(statement.getStart());
        const text = statement.getText().split('\n')[0] ?? '';
        violations.push(
          `${display(file)}:${line + 1}: '${text}' is not a re-export (export … from)`,
        );
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(violations).toEqual([]);
  });
});
