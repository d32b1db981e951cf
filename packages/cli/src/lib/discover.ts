import { readdir, readFile, realpath, stat, lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Ignore } from 'ignore';

/** Extensions linted when a folder or glob is given. */
export const defaultExtensions = [
  'md',
  'markdown',
  'mdx',
  'txt',
  'text',
  'html',
  'htm',
  'docx',
] as const;

/** Folder names never entered. */
const skippedDirectories = new Set(['node_modules', '.git']);

export const ignoreFileName = '.luxlintignore';

/** A file to lint, or a path that could not be used. */
export type Discovered = { absolutePath: string; path: string } | { path: string; error: string };

export interface DiscoverResult {
  entries: Discovered[];
  /** Explicitly named files skipped because `.luxlintignore` lists them. */
  ignored: string[];
}

const globMagic = /[*?[\]{}!]/;

function hasDefaultExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return (
    dot > 0 && (defaultExtensions as readonly string[]).includes(name.slice(dot + 1).toLowerCase())
  );
}

function toDisplay(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative === '' ? absolutePath : relative).split(path.sep).join('/');
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    default:
      return code ?? String(error);
  }
}

/** Nearest `.luxlintignore` above `cwd` (inclusive), read with gitignore semantics. */
async function loadIgnore(cwd: string): Promise<{ base: string; matcher: Ignore } | undefined> {
  let directory = cwd;
  for (;;) {
    const file = path.join(directory, ignoreFileName);
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const { default: createIgnore } = await import('ignore');
      return { base: directory, matcher: createIgnore().add(text) };
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/**
 * Expand command-line operands (files, folders, globs) into files to lint, in operand order,
 * each folder walked in sorted order, each file once. Missing paths and broken links become
 * error entries so the caller can report them and go on.
 */
export async function discover(operands: readonly string[], cwd: string): Promise<DiscoverResult> {
  const ignoreFile = await loadIgnore(cwd);
  const isIgnored = (absolutePath: string, directory: boolean): boolean => {
    if (!ignoreFile) return false;
    const relative = path.relative(ignoreFile.base, absolutePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const posix = relative.split(path.sep).join('/');
    return ignoreFile.matcher.ignores(directory ? posix + '/' : posix);
  };

  const entries: Discovered[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const visitedDirectories = new Set<string>();

  const addFile = (absolutePath: string, shown?: string): void => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    entries.push({ absolutePath, path: shown ?? toDisplay(cwd, absolutePath) });
  };

  const walk = async (directory: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(directory);
    } catch (error) {
      entries.push({ path: toDisplay(cwd, directory), error: describeError(error) });
      return;
    }
    // A symbolic link back up the tree would otherwise recurse for ever.
    if (visitedDirectories.has(real)) return;
    visitedDirectories.add(real);
    let children;
    try {
      children = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      entries.push({
        path: toDisplay(cwd, directory),
        error: `cannot read folder: ${describeError(error)}`,
      });
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // The display path of a child is the folder's plus its name (one path.relative per folder).
    const shownDirectory = path.relative(cwd, directory).split(path.sep).join('/');
    const shown = (name: string): string =>
      shownDirectory === '' ? name : `${shownDirectory}/${name}`;
    for (const child of children) {
      if (child.name.startsWith('.') || skippedDirectories.has(child.name)) continue;
      const childPath = path.join(directory, child.name);
      let isDirectory = child.isDirectory();
      let isFile = child.isFile();
      if (child.isSymbolicLink()) {
        try {
          const target = await stat(childPath);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (hasDefaultExtension(child.name)) {
            entries.push({
              path: toDisplay(cwd, childPath),
              error: `broken symbolic link (${describeError(error)})`,
            });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (!isIgnored(childPath, true)) await walk(childPath);
      } else if (isFile && hasDefaultExtension(child.name) && !isIgnored(childPath, false)) {
        addFile(childPath, shown(child.name));
      }
    }
  };

  for (const operand of operands) {
    const absolutePath = path.resolve(cwd, operand);
    let stats;
    try {
      stats = await stat(absolutePath);
    } catch (error) {
      if (globMagic.test(operand)) {
        const { glob } = await import('tinyglobby');
        const matches = await glob(operand, {
          cwd,
          absolute: true,
          onlyFiles: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
        const files = matches
          .map((match) => path.resolve(match))
          .filter((match) => !isIgnored(match, false))
          .sort();
        if (files.length === 0)
          entries.push({ path: operand, error: 'no files match this pattern' });
        for (const file of files) addFile(file);
        continue;
      }
      let reason = describeError(error);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        try {
          if ((await lstat(absolutePath)).isSymbolicLink())
            reason = 'broken symbolic link (its target does not exist)';
        } catch {
          // Not a link: the plain "no such file" stands.
        }
      }
      entries.push({ path: toDisplay(cwd, absolutePath), error: reason });
      continue;
    }
    if (stats.isDirectory()) {
      await walk(absolutePath);
    } else if (stats.isFile()) {
      if (isIgnored(absolutePath, false)) ignored.push(toDisplay(cwd, absolutePath));
      else addFile(absolutePath);
    } else {
      entries.push({ path: toDisplay(cwd, absolutePath), error: 'not a regular file' });
    }
  }
  return { entries, ignored };
}
