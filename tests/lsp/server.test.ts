import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTerm } from '@luxlint/terms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionKind,
  DiagnosticSeverity,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import {
  TestClient,
  applyEdits,
  editsFor,
  fileUri,
  removeWorkspace,
  temporaryWorkspace,
  textAt,
} from './client.js';
import { builds, plainTerm, prepareBuild } from './helpers.js';

const csam = getTerm('child-pornography');

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

describe.each(builds)('luxlint-language-server over stdio (%s build)', (build) => {
  let client: TestClient;
  let workspace: string;
  let counter = 0;
  const uriOf = (name: string): string => fileUri(path.join(workspace, `${counter++}-${name}`));

  beforeAll(async () => {
    prepareBuild(build);
    workspace = temporaryWorkspace();
    client = await TestClient.start(build, { rootDirectory: workspace });
  });

  afterAll(async () => {
    await client?.stop();
    removeWorkspace(workspace);
  });

  it('advertises diagnostics-related features and never formatting', () => {
    const capabilities = client.initializeResult?.capabilities;
    expect(capabilities).toBeDefined();
    expect(capabilities?.documentFormattingProvider).toBeUndefined();
    expect(capabilities?.documentRangeFormattingProvider).toBeUndefined();
    expect(capabilities?.hoverProvider).toBe(true);
    expect(capabilities?.codeActionProvider).toEqual({
      codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.luxlint'],
      resolveProvider: false,
    });
    expect(capabilities?.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(client.initializeResult?.serverInfo?.name).toBe('luxlint-language-server');
  });

  it('publishes a suggestion-worded diagnostic with code, link and exact range on open', async () => {
    const uri = uriOf('open.md');
    const text = '# Report\n\nPolice seized child pornography from his laptop.\n';
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri);
    const [diagnostic] = only(diagnostics, 'child-pornography');
    expect(diagnostic).toBeDefined();
    expect(diagnostic?.source).toBe('luxlint');
    expect(diagnostic?.severity).toBe(DiagnosticSeverity.Warning);
    expect(diagnostic?.message).toMatch(/^Consider /);
    expect(diagnostic?.codeDescription?.href).toBe('https://luxlint.dev/terms/child-pornography/');
    expect(diagnostic?.range).toEqual({
      start: { line: 2, character: 14 },
      end: { line: 2, character: 31 },
    });
    expect(diagnostic?.data).toMatchObject({
      ruleId: 'child-pornography',
      status: 'avoid',
      actual: 'child pornography',
    });
  });

  it('reports caution entries as information', async () => {
    const { term, phrase } = plainTerm('caution');
    const uri = uriOf('caution.md');
    await client.open(uri, `Officials warned about ${phrase} last year.\n`);
    const diagnostics = only(await client.diagnosticsFor(uri), term.id);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.severity).toBe(DiagnosticSeverity.Information);
  });

  it('re-lints unsaved edits and only publishes for the current version', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'Nothing to see here.\n', 'markdown');
    expect(await client.diagnosticsFor(uri)).toEqual([]);
    const version = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
        text: 'A child prostitute',
      },
    ]);
    const diagnostics = await client.diagnosticsFor(uri, { version });
    expect(diagnostics.map((d) => d.code)).toContain('child-prostitute');
    expect(diagnostics[0]?.range.start).toEqual({ line: 0, character: 2 });
    const cleared = await client.change(uri, [{ text: 'All gone.\n' }]);
    expect(await client.diagnosticsFor(uri, { version: cleared })).toEqual([]);
  });

  it('picks the format from the language id, else from the extension, and leaves other files alone', async () => {
    const source = uriOf('script.ts');
    await client.open(source, '// child pornography\n', 'typescript');
    const byExtension = uriOf('notes.md');
    await client.open(byExtension, 'child pornography\n', 'unknown-language');
    const neovimText = uriOf('notes');
    await client.open(neovimText, 'child pornography\n', 'text');
    expect(only(await client.diagnosticsFor(byExtension), 'child-pornography')).toHaveLength(1);
    expect(only(await client.diagnosticsFor(neovimText), 'child-pornography')).toHaveLength(1);
    // Opened first and linted in order: had the TypeScript file been linted, it would have been published by now.
    expect(client.published.some((params) => params.uri === source)).toBe(false);
  });

  it('offers "Replace with …" per suggestion, the safe fix preferred, and the edit fixes the text', async () => {
    const uri = uriOf('replace.md');
    const text = 'Police seized child pornography from his laptop.\n';
    await client.open(uri, text);
    const [diagnostic] = only(await client.diagnosticsFor(uri), 'child-pornography');
    expect(diagnostic).toBeDefined();
    const actions = await client.codeActions(uri, diagnostic!.range, {
      diagnostics: [diagnostic!],
      only: [CodeActionKind.QuickFix],
    });
    const replacements = actions.filter((action) => action.title.startsWith('Replace with'));
    const expected = (diagnostic!.data as { expected: string[] }).expected;
    expect(replacements.length).toBeGreaterThanOrEqual(expected.length);
    for (const suggestion of expected)
      expect(replacements.map((a) => a.title)).toContain(`Replace with \`${suggestion}\``);
    const preferred = replacements.filter((action) => action.isPreferred);
    expect(preferred).toHaveLength(1);
    expect(preferred[0]?.kind).toBe(CodeActionKind.QuickFix);
    expect(applyEdits(text, editsFor(preferred[0]?.edit, uri))).toBe(
      `Police seized ${csam?.text.en.fix ?? 'child sexual abuse material'} from his laptop.\n`,
    );
  });

  it.each([
    ['markdown', 'md', '<!-- luxlint-disable-next-line child-pornography -->'],
    ['html', 'html', '<!-- luxlint-disable-next-line child-pornography -->'],
    ['mdx', 'mdx', '{/* luxlint-disable-next-line child-pornography */}'],
    ['plaintext', 'txt', 'luxlint-disable-next-line child-pornography'],
  ])(
    '"Ignore here" in %s inserts the disable comment the CLI honours, and the finding goes away',
    async (languageId, extension, comment) => {
      const uri = uriOf(`ignore.${extension}`);
      const body =
        languageId === 'html'
          ? '<p>Police seized child pornography.</p>'
          : 'Police seized child pornography.';
      const first = languageId === 'html' ? '<p>Intro.</p>' : 'Intro.';
      const text = `${first}\n\n${body}\n`;
      await client.open(uri, text, languageId);
      const [diagnostic] = only(await client.diagnosticsFor(uri), 'child-pornography');
      expect(diagnostic).toBeDefined();
      const actions = await client.codeActions(uri, diagnostic!.range, {
        diagnostics: [diagnostic!],
      });
      const ignore = actions.find((action) => action.title.startsWith('Ignore'));
      expect(ignore?.kind).toBe(CodeActionKind.QuickFix);
      const edits = editsFor(ignore?.edit, uri);
      expect(edits).toEqual([
        {
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
          newText: `${comment}\n`,
        },
      ]);
      const ignored = applyEdits(text, edits);
      expect(ignored).toBe(`${first}\n\n${comment}\n${body}\n`);
      const version = await client.change(uri, [{ text: ignored }]);
      expect(only(await client.diagnosticsFor(uri, { version }), 'child-pornography')).toEqual([]);
    },
  );

  it('"Ignore here" keeps a list item\'s indentation and adds the id to an existing comment on the line above', async () => {
    const uri = uriOf('ignore-more.md');
    const text =
      '- Item.\n\n  <!-- luxlint-disable-next-line child-pornography -->\n  child pornography and a child prostitute\n';
    await client.open(uri, text);
    const [diagnostic] = only(await client.diagnosticsFor(uri), 'child-prostitute');
    expect(diagnostic).toBeDefined();
    const actions = await client.codeActions(uri, diagnostic!.range, {
      diagnostics: [diagnostic!],
    });
    const ignore = actions.find((action) => action.title.startsWith('Ignore'));
    const ignored = applyEdits(text, editsFor(ignore?.edit, uri));
    expect(ignored).toBe(
      '- Item.\n\n  <!-- luxlint-disable-next-line child-pornography child-prostitute -->\n  child pornography and a child prostitute\n',
    );
    const version = await client.change(uri, [{ text: ignored }]);
    expect(await client.diagnosticsFor(uri, { version })).toEqual([]);

    const nested = uriOf('ignore-nested.md');
    const nestedText = '- Item.\n\n  A child prostitute.\n';
    await client.open(nested, nestedText);
    const [inItem] = await client.diagnosticsFor(nested);
    expect(inItem).toBeDefined();
    const itemActions = await client.codeActions(nested, inItem!.range, { diagnostics: [inItem!] });
    const itemIgnore = itemActions.find((action) => action.title.startsWith('Ignore'));
    const itemIgnored = applyEdits(nestedText, editsFor(itemIgnore?.edit, nested));
    expect(itemIgnored).toBe(
      '- Item.\n\n  <!-- luxlint-disable-next-line child-prostitute -->\n  A child prostitute.\n',
    );
    const itemVersion = await client.change(nested, [{ text: itemIgnored }]);
    expect(await client.diagnosticsFor(nested, { version: itemVersion })).toEqual([]);
  });

  it('offers source.fixAll.luxlint that applies every safe fix and nothing else', async () => {
    const uri = uriOf('fix-all.md');
    const text = 'Child pornography was found.\n\n- more child pornography\n- a child prostitute\n';
    await client.open(uri, text);
    const before = await client.diagnosticsFor(uri);
    expect(only(before, 'child-pornography')).toHaveLength(2);
    const actions = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source.fixAll.luxlint'] },
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]?.kind).toBe('source.fixAll.luxlint');
    const fixed = applyEdits(text, editsFor(actions[0]?.edit, uri));
    const fix = csam?.text.en.fix ?? 'child sexual abuse material';
    expect(fixed).toBe(
      `${fix[0]!.toUpperCase()}${fix.slice(1)} was found.\n\n- more ${fix}\n- a child prostitute\n`,
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri, { version });
    expect(only(after, 'child-pornography')).toEqual([]);
    expect(after.every((d) => (d.data as { fix: unknown }).fix === null)).toBe(true);
    // Quick-fix requests do not get the source action.
    const quickFixes = await client.codeActions(uri, after[0]!.range, {
      diagnostics: after,
      only: [CodeActionKind.QuickFix],
    });
    expect(quickFixes.some((action) => action.kind === 'source.fixAll.luxlint')).toBe(false);
  });

  it('explains a finding on hover, with preferred terms, why, when it is still correct, sources and the link', async () => {
    const uri = uriOf('hover.md');
    await client.open(uri, 'Intro.\n\nThey shared child pornography online.\n');
    await client.diagnosticsFor(uri);
    const hover = await client.hover(uri, 2, 20);
    expect(hover).not.toBeNull();
    const value = (hover!.contents as { kind: string; value: string }).value;
    expect((hover!.contents as { kind: string }).kind).toBe('markdown');
    expect(value).toContain('**Consider instead:**');
    expect(value).toContain('`child sexual abuse material`');
    expect(value).toContain('**Why:**');
    expect(value).toContain('**When the old term is still correct:**');
    expect(value).toContain('**Sources:**');
    expect(value).toContain('**Provenance:**');
    expect(value).toContain('(https://luxlint.dev/terms/child-pornography/)');
    expect(hover!.range).toEqual({
      start: { line: 2, character: 12 },
      end: { line: 2, character: 29 },
    });
    expect(await client.hover(uri, 0, 2)).toBeNull();
  });

  it('gives exact UTF-16 positions after emoji, ZWJ sequences and accented text', async () => {
    const uri = uriOf('utf16.md');
    const lines = [
      'Emoji 😀👩‍👩‍👧 and accents: café, naïve, Ångström, child pornography here.',
      '',
      '🎉🎉 Combining: cafe\u0301 — then child pornography again, 𝒳 child prostitute.',
    ];
    const text = `${lines.join('\n')}\n`;
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri);
    const expected = [
      { line: 0, phrase: 'child pornography' },
      { line: 2, phrase: 'child pornography' },
      { line: 2, phrase: 'child prostitute' },
    ].map(({ line, phrase }) => {
      const character = lines[line]!.indexOf(phrase);
      return { start: { line, character }, end: { line, character: character + phrase.length } };
    });
    expect(diagnostics.map((d) => d.range)).toEqual(expected);
    for (const diagnostic of diagnostics) {
      expect(textAt(text, diagnostic.range)).toBe((diagnostic.data as { actual: string }).actual);
    }
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('close.md');
    await client.open(uri, 'child pornography\n');
    expect(await client.diagnosticsFor(uri)).not.toEqual([]);
    const since = client.mark();
    await client.close(uri);
    const cleared = await client.diagnostics(uri, () => true, { since });
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe.each(builds)('settings and config files (%s build)', (build) => {
  let workspace: string;

  beforeAll(() => {
    prepareBuild(build);
    workspace = temporaryWorkspace();
  });

  // Every test stops its own client before it ends.
  afterAll(() => removeWorkspace(workspace));

  it('applies workspace/configuration settings and re-lints on didChangeConfiguration', async () => {
    const client = await TestClient.start(build, {
      rootDirectory: workspace,
      settings: { severity: { avoid: 'error' } },
    });
    try {
      const uri = fileUri(path.join(workspace, 'settings.md'));
      await client.open(uri, 'child pornography and a child prostitute\n');
      const first = await client.diagnosticsFor(uri);
      expect(first.map((d) => d.severity)).toEqual([
        DiagnosticSeverity.Error,
        DiagnosticSeverity.Error,
      ]);
      expect(client.configurationRequests).toBeGreaterThan(0);

      let since = client.mark();
      await client.changeSettings({
        'severity.avoid': 'hint',
        rules: { 'child-pornography': 'off' },
      });
      const second = await client.diagnosticsFor(uri, { since });
      expect(second.map((d) => [d.code, d.severity])).toEqual([
        ['child-prostitute', DiagnosticSeverity.Hint],
      ]);

      since = client.mark();
      await client.changeSettings({
        allow: ['a child prostitute'],
        rules: { 'child-pornography': 'caution' },
      });
      const third = await client.diagnosticsFor(uri, { since });
      expect(third.map((d) => [d.code, d.severity])).toEqual([
        ['child-pornography', DiagnosticSeverity.Information],
      ]);
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions and pushed didChangeConfiguration when the client cannot be asked', async () => {
    const client = await TestClient.start(build, {
      rootDirectory: workspace,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { luxlint: { severity: { avoid: 'error' } } },
    });
    try {
      const uri = fileUri(path.join(workspace, 'pushed.md'));
      await client.open(uri, 'child pornography\n');
      expect((await client.diagnosticsFor(uri)).map((d) => d.severity)).toEqual([
        DiagnosticSeverity.Error,
      ]);
      const since = client.mark();
      await client.changeSettings({ severity: { avoid: 'information' } });
      expect((await client.diagnosticsFor(uri, { since })).map((d) => d.severity)).toEqual([
        DiagnosticSeverity.Information,
      ]);
      expect(client.configurationRequests).toBe(0);
    } finally {
      await client.stop();
    }
  });

  it('reports bad settings by name and keeps linting with the defaults', async () => {
    const client = await TestClient.start(build, {
      rootDirectory: workspace,
      settings: { severity: { avoid: 'loud' }, debounceMs: 'fast', run: 'sometimes' },
    });
    try {
      const uri = fileUri(path.join(workspace, 'bad-settings.md'));
      await client.open(uri, 'child pornography\n');
      const diagnostics = await client.diagnosticsFor(uri);
      expect(diagnostics.map((d) => d.severity)).toEqual([DiagnosticSeverity.Warning]);
      expect(client.shownMessages.join('\n')).toMatch(
        /luxlint\.severity\.avoid: "loud" is not valid; expected 'error', 'warning', 'information', 'hint'/,
      );
      expect(client.shownMessages.join('\n')).toMatch(/luxlint\.debounceMs/);
      expect(client.shownMessages.join('\n')).toMatch(/luxlint\.run/);
    } finally {
      await client.stop();
    }
  });

  it('reads .luxlintrc next to or above the document, layers editor settings over it, and follows changes', async () => {
    const project = path.join(workspace, 'project');
    const nested = path.join(project, 'chapters', 'one');
    mkdirSync(nested, { recursive: true });
    const rc = path.join(project, '.luxlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'child-pornography': 'off' } }));
    const client = await TestClient.start(build, { rootDirectory: workspace });
    try {
      const uri = fileUri(path.join(nested, 'draft.md'));
      await client.open(uri, 'child pornography and a child prostitute\n');
      expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(['child-prostitute']);

      // Editor settings win over the file.
      let since = client.mark();
      await client.changeSettings({ rules: { 'child-pornography': 'avoid' } });
      expect((await client.diagnosticsFor(uri, { since })).map((d) => d.code)).toEqual([
        'child-pornography',
        'child-prostitute',
      ]);

      since = client.mark();
      await client.changeSettings({});
      expect((await client.diagnosticsFor(uri, { since })).map((d) => d.code)).toEqual([
        'child-prostitute',
      ]);

      // The file changes on disk; the client reports it as a watched-file event.
      since = client.mark();
      writeFileSync(rc, JSON.stringify({ rules: { 'child-prostitute': 'off' } }));
      await client.filesChanged([{ uri: fileUri(rc), type: FileChangeType.Changed }]);
      expect((await client.diagnosticsFor(uri, { since })).map((d) => d.code)).toEqual([
        'child-pornography',
      ]);

      // A nearer package.json#luxlint wins over the rc file further up.
      writeFileSync(
        path.join(nested, 'package.json'),
        JSON.stringify({ name: 'x', luxlint: { allow: ['child pornography'] } }),
      );
      since = client.mark();
      await client.filesChanged([
        { uri: fileUri(path.join(nested, 'package.json')), type: FileChangeType.Created },
      ]);
      expect((await client.diagnosticsFor(uri, { since })).map((d) => d.code)).toEqual([
        'child-prostitute',
      ]);
    } finally {
      await client.stop();
    }
  });

  it('names the file, the key and the valid choices of a malformed config file, and still lints', async () => {
    const project = path.join(workspace, 'broken');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      path.join(project, '.luxlintrc.yaml'),
      'preset: strictest\nrules:\n  child-prostitute: never\n',
    );
    const client = await TestClient.start(build, { rootDirectory: workspace });
    try {
      const uri = fileUri(path.join(project, 'draft.md'));
      await client.open(uri, 'child pornography\n');
      expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(['child-pornography']);
      const shown = client.shownMessages.join('\n');
      expect(shown).toContain(path.join(project, '.luxlintrc.yaml'));
      expect(shown).toMatch(/"preset" must be one of guidelines, all, not "strictest"/);
      expect(shown).toMatch(
        /"rules\.child-prostitute" must be one of off, caution, avoid, not "never"/,
      );
    } finally {
      await client.stop();
    }
  });

  it('drops config values the linter would reject (unknown lang, rule id, bad URL), says so, and keeps linting', async () => {
    const project = path.join(workspace, 'rejected');
    mkdirSync(project, { recursive: true });
    const rc = path.join(project, '.luxlintrc.json');
    writeFileSync(
      rc,
      JSON.stringify({
        $schema: 'https://luxlint.dev/schema.json',
        lang: 'xx',
        baseUrl: 'not a url',
        rules: { 'child-pornografy': 'off', 'child-prostitute': 'off' },
      }),
    );
    const client = await TestClient.start(build, { rootDirectory: workspace });
    try {
      const uri = fileUri(path.join(project, 'draft.md'));
      await client.open(uri, 'child pornography and a child prostitute\n');
      expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(['child-pornography']);
      const shown = client.shownMessages.join('\n');
      expect(shown).toContain(`${rc}: "lang" must be one of en, not "xx"`);
      expect(shown).toContain(
        `${rc}: "baseUrl" must be an absolute URL such as "https://luxlint.dev/terms/", not "not a url"`,
      );
      expect(shown).toContain(
        `${rc}: "rules": unknown rule id "child-pornografy" (did you mean "child-pornography"?)`,
      );
      expect(shown).not.toContain('$schema');
      expect(client.logs.join('\n')).not.toContain('failed');
    } finally {
      await client.stop();
    }
  });

  it('with run: onSave, lints on open and on save, not while typing', async () => {
    const client = await TestClient.start(build, {
      rootDirectory: workspace,
      settings: { run: 'onSave', debounceMs: 0 },
    });
    try {
      const uri = fileUri(path.join(workspace, 'on-save.md'));
      await client.open(uri, 'Clean text.\n');
      expect(await client.diagnosticsFor(uri)).toEqual([]);
      const typed = await client.change(uri, [{ text: 'child pornography\n' }]);
      // A second document opened after the edit is linted at once; by the time it is published,
      // an on-type lint of the first (debounce 0) would have been published too.
      const other = fileUri(path.join(workspace, 'on-save-other.md'));
      await client.open(other, 'child prostitute\n');
      await client.diagnosticsFor(other);
      expect(
        client.published.some((params) => params.uri === uri && params.version === typed),
      ).toBe(false);
      await client.save(uri);
      expect((await client.diagnosticsFor(uri, { version: typed })).map((d) => d.code)).toEqual([
        'child-pornography',
      ]);
    } finally {
      await client.stop();
    }
  });
});
