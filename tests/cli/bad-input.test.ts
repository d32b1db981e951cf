import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, parseJson, run, temporaryDirectory } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await temporaryDirectory());
  await writeFile(path.join(dir, 'good.md'), 'Police seized child pornography on Tuesday.\n');
});
afterEach(async () => cleanup());

/** Lint `name` next to good.md: the bad file gets one stderr line and exit 2; good.md is still reported. */
async function lintBesideGood(name: string) {
  const result = await run(['--format', 'json', name, 'good.md'], { cwd: dir });
  const report = parseJson(result.stdout);
  expect(report.files.map((file) => file.path)).toEqual(['good.md']);
  expect(report.files[0]?.messages.map((message) => message['ruleId'])).toEqual([
    'child-pornography',
  ]);
  expect(result.code).toBe(2);
  return result.stderr;
}

describe('bad input: one line on stderr naming the file, exit 2, the other files still linted', () => {
  it('a missing file', async () => {
    expect(await lintBesideGood('missing.md')).toBe('missing.md: no such file or directory\n');
  });

  it('a broken symbolic link (stands in for an unreadable file: tests run as root, so chmod 000 cannot deny reading)', async () => {
    await symlink(path.join(dir, 'gone.md'), path.join(dir, 'link.md'));
    expect(await lintBesideGood('link.md')).toBe(
      'link.md: broken symbolic link (its target does not exist)\n',
    );
  });

  it('a binary file (NUL bytes)', async () => {
    await writeFile(
      path.join(dir, 'image.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    expect(await lintBesideGood('image.md')).toBe(
      'image.md: binary file (NUL byte at offset 8), not text\n',
    );
  });

  it('invalid UTF-8', async () => {
    await writeFile(
      path.join(dir, 'latin1.md'),
      Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' child pornography\n')]),
    );
    expect(await lintBesideGood('latin1.md')).toBe(
      'latin1.md: invalid UTF-8 (first bad byte at offset 3); save the file as UTF-8\n',
    );
  });

  it('UTF-16 text', async () => {
    await writeFile(path.join(dir, 'wide.txt'), Buffer.from('\uFEFFchild pornography', 'utf16le'));
    expect(await lintBesideGood('wide.txt')).toBe(
      'wide.txt: UTF-16 text is not supported (save the file as UTF-8)\n',
    );
  });

  it('a file over the size limit is refused before reading (sparse, so the test is cheap)', async () => {
    execFileSync('truncate', ['-s', '101M', path.join(dir, 'huge.md')]);
    expect(await lintBesideGood('huge.md')).toBe(
      'huge.md: file too large (101 MB; the limit is 100 MB)\n',
    );
  });

  it('a glob that matches nothing', async () => {
    expect(await lintBesideGood('drafts/*.md')).toBe('drafts/*.md: no files match this pattern\n');
  });

  it('an empty file is clean', async () => {
    await writeFile(path.join(dir, 'empty.md'), '');
    expect(await run(['empty.md'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'empty.md: no issues found\n',
      stderr: '',
    });
  });

  it('a not-a-docx .docx file', async () => {
    await writeFile(path.join(dir, 'fake.docx'), 'this is not a zip archive');
    const stderr = await lintBesideGood('fake.docx');
    expect(stderr).toMatch(/^fake\.docx: not a readable Word document \(.+\)\n$/);
  });

  it('an unknown --format is a usage error', async () => {
    expect(await run(['--format', 'xml', 'good.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: option '-f, --format <name>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github.\n",
    });
  });

  it('no paths at all is a usage error', async () => {
    expect(await run([], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: no files given (try `luxlint .`, or `-` to read standard input)\n',
    });
  });
});

describe('folders', () => {
  it('a folder is walked: default extensions only, node_modules, .git, hidden files and .luxlintignore entries skipped, symlink loops survived', async () => {
    await mkdir(path.join(dir, 'site/node_modules/pkg'), { recursive: true });
    await mkdir(path.join(dir, 'site/.git'), { recursive: true });
    await mkdir(path.join(dir, 'site/drafts/old'), { recursive: true });
    const finding = 'They shared child pornography.\n';
    await writeFile(path.join(dir, 'site/node_modules/pkg/readme.md'), finding);
    await writeFile(path.join(dir, 'site/.git/notes.md'), finding);
    await writeFile(path.join(dir, 'site/.hidden.md'), finding);
    await writeFile(path.join(dir, 'site/script.js'), `// ${finding}`);
    await writeFile(path.join(dir, 'site/a.md'), finding);
    await writeFile(path.join(dir, 'site/b.html'), `<p>${finding}</p>`);
    await writeFile(path.join(dir, 'site/drafts/c.txt'), finding);
    await writeFile(path.join(dir, 'site/drafts/old/d.md'), finding);
    await copyFile(path.join(fixtures, 'docx/report.docx'), path.join(dir, 'site/drafts/e.docx'));
    await writeFile(path.join(dir, '.luxlintignore'), 'site/drafts/old/\n');
    await symlink(path.join(dir, 'site'), path.join(dir, 'site/drafts/loop'));
    const { code, stdout, stderr } = await run(['--format', 'json', 'site'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(parseJson(stdout).files.map((file) => file.path)).toEqual([
      'site/a.md',
      'site/b.html',
      'site/drafts/c.txt',
      'site/drafts/e.docx',
    ]);
  });

  it('a file named explicitly but listed in .luxlintignore is skipped with a note', async () => {
    await writeFile(path.join(dir, '.luxlintignore'), 'good.md\n');
    expect(await run(['good.md'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'good.md: skipped (listed in .luxlintignore)\n',
    });
  });

  it('globs are expanded (quoted, as a shell would not)', async () => {
    await mkdir(path.join(dir, 'news'));
    await writeFile(path.join(dir, 'news/one.md'), 'child prostitute\n');
    await writeFile(path.join(dir, 'news/two.md'), 'child sex tourism\n');
    await writeFile(path.join(dir, 'news/three.txt'), 'child porn\n');
    const { code, stdout } = await run(['--format', 'json', 'news/*.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(
      parseJson(stdout).files.map((file) => [
        file.path,
        file.messages.map((message) => message['ruleId']),
      ]),
    ).toEqual([
      ['news/one.md', ['child-prostitute']],
      ['news/two.md', ['child-sex-tourism']],
    ]);
  });
});

describe('Word documents', () => {
  it('are read with mammoth and positioned as paragraph:column', async () => {
    await copyFile(path.join(fixtures, 'docx/report.docx'), path.join(dir, 'report.docx'));
    const json = await run(['--format', 'json', 'report.docx'], { cwd: dir });
    expect(json.code).toBe(1);
    const file = parseJson(json.stdout).files[0];
    expect(file?.positions).toBe('paragraph');
    expect(
      file?.messages.map((message) => [
        message['ruleId'],
        message['line'],
        message['column'],
        message['endLine'],
        message['endColumn'],
      ]),
    ).toEqual([['child-pornography', 2, 32, 2, 49]]);
    const stylish = await run(['report.docx'], { cwd: dir });
    expect(stylish.stdout).toMatch(
      /^report\.docx \(positions are paragraph:column\)\n2:32-2:49 +warning/,
    );
  });

  it('are never written by --fix', async () => {
    await copyFile(path.join(fixtures, 'docx/report.docx'), path.join(dir, 'report.docx'));
    const result = await run(['--fix', 'report.docx'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'report.docx: --fix does not change Word documents (.docx is read-only here); the findings are listed instead\n',
    );
    expect(
      execFileSync('cmp', [
        path.join(fixtures, 'docx/report.docx'),
        path.join(dir, 'report.docx'),
      ]).toString(),
    ).toBe('');
  });
});
