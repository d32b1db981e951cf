import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCodes,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  TestClient,
  applyEdits,
  fileUri,
  removeWorkspace,
  temporaryWorkspace,
  textAt,
} from './client.js';
import { builds, prepareBuild } from './helpers.js';

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}/${d.severity}`,
  );
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe.each(builds)('robustness (%s build)', (build) => {
  let client: TestClient;
  let workspace: string;

  beforeAll(async () => {
    prepareBuild(build);
    workspace = temporaryWorkspace();
    client = await TestClient.start(build, {
      rootDirectory: workspace,
      settings: { debounceMs: 20 },
    });
  });

  afterAll(async () => {
    await client?.stop();
    removeWorkspace(workspace);
  });

  it('after 1,000 rapid edits the final diagnostics match the final text, and no publication is stale', async () => {
    const uri = fileUri(path.join(workspace, 'rapid.md'));
    const next = random(7);
    const pieces = [
      'child pornography',
      ' and ',
      'child prostitute',
      ' café 😀 ',
      '\n\n',
      'plain words ',
      'Child Pornography',
    ];
    let text = '';
    const textByVersion = new Map<number, string>();
    await client.open(uri, text);
    textByVersion.set(1, text);
    for (let index = 0; index < 1000; index++) {
      let change: TextDocumentContentChangeEvent;
      const roll = next();
      if (roll < 0.65 || text.length < 20) {
        // Type one character of a piece at a random place, as a user would.
        const piece = pieces[Math.floor(next() * pieces.length)]!;
        const insert = piece.slice(0, 1 + Math.floor(next() * piece.length));
        const at = Math.floor(next() * (text.length + 1));
        const start = positionAt(text, at);
        change = { range: { start, end: start }, text: insert };
        text = text.slice(0, at) + insert + text.slice(at);
      } else if (roll < 0.9) {
        const at = Math.floor(next() * text.length);
        const end = Math.min(text.length, at + 1 + Math.floor(next() * 6));
        change = { range: { start: positionAt(text, at), end: positionAt(text, end) }, text: '' };
        text = text.slice(0, at) + text.slice(end);
      } else {
        const piece = pieces[Math.floor(next() * pieces.length)]!;
        const at = text.length;
        const start = positionAt(text, at);
        change = { range: { start, end: start }, text: piece };
        text += piece;
      }
      // Lone surrogates are legal mid-edit; keep the local model identical to the server's.
      const version = await client.change(uri, [change]);
      textByVersion.set(version, text);
    }
    const finalVersion = client.version(uri)!;
    expect(finalVersion).toBe(1001);
    const final = await client.diagnosticsFor(uri, { version: finalVersion, timeoutMs: 30_000 });

    // The same text opened fresh gives the same findings.
    const fresh = fileUri(path.join(workspace, 'rapid-fresh.md'));
    await client.open(fresh, text);
    expect(summary(final)).toEqual(summary(await client.diagnosticsFor(fresh)));
    expect(final.length).toBeGreaterThan(0);

    // Every publication for the edited document matched the text of the version it names.
    const publications = client.published.filter((params) => params.uri === uri);
    expect(publications.length).toBeGreaterThan(0);
    for (const params of publications) {
      expect(params.version).toBeDefined();
      const versionText = textByVersion.get(params.version!);
      expect(versionText).toBeDefined();
      for (const diagnostic of params.diagnostics) {
        expect(textAt(versionText!, diagnostic.range)).toBe(
          (diagnostic.data as { actual: string }).actual,
        );
      }
    }
    // Debouncing: far fewer lints than edits.
    expect(publications.length).toBeLessThan(200);
  });

  it('survives malformed requests and notifications, and keeps serving', async () => {
    const connection = client.connection;
    await expect(
      connection.sendRequest('textDocument/hover', { nonsense: true }),
    ).resolves.toBeNull();
    await expect(
      connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: 'top' }),
    ).resolves.toBeNull();
    await expect(
      connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: 'file:///never-opened.md' },
        range: null,
        context: null,
      }),
    ).resolves.toEqual([]);
    await expect(connection.sendRequest('luxlint/doesNotExist', {})).rejects.toMatchObject({
      code: ErrorCodes.MethodNotFound,
    });
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///never-opened.md', version: 2 },
      contentChanges: [{ text: 'child pornography' }],
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await connection.sendNotification('textDocument/didClose', {});
    await connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: 'all of them',
    });
    await connection.sendNotification('workspace/didChangeConfiguration', null);

    // Code actions on a real document, with diagnostics whose range and data are garbage.
    const uri = fileUri(path.join(workspace, 'malformed.md'));
    await client.open(uri, 'child pornography\n');
    const [diagnostic] = await client.diagnosticsFor(uri);
    expect(diagnostic).toBeDefined();
    const garbage = [
      { ...diagnostic!, data: 'not an object' },
      { ...diagnostic!, data: { ruleId: 5, fix: { range: 'x', newText: 7 } } },
      { ...diagnostic!, range: { start: { line: -1 }, end: null } },
      {
        ...diagnostic!,
        data: { ruleId: 'child-pornography', expected: 'nope' },
        range: { start: { line: 999, character: 0 }, end: { line: 999, character: 5 } },
      },
    ];
    const result = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: garbage },
    });
    expect(Array.isArray(result)).toBe(true);
    const outOfRange = await connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: -5, character: 1e9 },
    });
    expect(outOfRange === null || typeof outOfRange === 'object').toBe(true);

    // A body that is not JSON at all, written straight to the server's stdin.
    const body = '{"jsonrpc": "2.0", "method": ';
    client.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

    // Still alive, still linting.
    const after = fileUri(path.join(workspace, 'after-malformed.md'));
    await client.open(after, 'a child prostitute\n');
    expect((await client.diagnosticsFor(after)).map((d) => d.code)).toEqual(['child-prostitute']);
    expect(client.isRunning).toBe(true);
  });

  it('stays responsive while a 5 MB document is linted, and drops that lint when the document changes or closes', async () => {
    const paragraph =
      'Editors reviewed the draft about online abuse; the report describes how offenders groom children and how hotlines respond. ' +
      'It cites statistics, interviews and court records from several countries, with careful attention to language.\n\n';
    let text = '';
    while (text.length < 5 * 1024 * 1024)
      text += `${paragraph.repeat(200)}Police seized child pornography.\n\n`;
    const small = fileUri(path.join(workspace, 'beside-huge.md'));
    await client.open(small, 'Intro.\n\nchild pornography\n');
    await client.diagnosticsFor(small);

    const uri = fileUri(path.join(workspace, 'huge.md'));
    await client.open(uri, text);
    // Linting runs in a worker: requests about other documents are answered meanwhile.
    const hover = await client.hover(small, 2, 3);
    expect(hover).not.toBeNull();
    const actions = await client.codeActions(
      small,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source.fixAll.luxlint'] },
    );
    expect(actions).toHaveLength(1);
    expect(client.published.some((params) => params.uri === uri)).toBe(false);

    // Typing in the huge document abandons the running lint; closing it drops it for good.
    const end = positionAt(text, text.length);
    await client.change(uri, [{ range: { start: end, end }, text: 'A child prostitute.\n' }]);
    await client.close(uri);
    const after = fileUri(path.join(workspace, 'after-huge.md'));
    await client.open(after, 'a child prostitute\n');
    expect((await client.diagnosticsFor(after, { timeoutMs: 30_000 })).map((d) => d.code)).toEqual([
      'child-prostitute',
    ]);
    expect(
      client.published
        .filter((params) => params.uri === uri)
        .every((params) => params.diagnostics.length === 0),
    ).toBe(true);
    expect(client.isRunning).toBe(true);
  });

  it(
    'lints a 1 MB document to the end with exact positions, and follows an edit at its very end',
    { timeout: 120_000 },
    async () => {
      const paragraph =
        'The hotline reviewed reports from partners in several countries and published its figures.\n\n';
      let text = '';
      let expected = 0;
      while (text.length < 1024 * 1024) {
        text += `${paragraph.repeat(100)}Café 😀 police seized child pornography.\n\n`;
        expected++;
      }
      const uri = fileUri(path.join(workspace, 'large.md'));
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, { timeoutMs: 100_000 });
      expect(diagnostics.filter((d) => d.code === 'child-pornography')).toHaveLength(expected);
      for (const diagnostic of [diagnostics[0]!, diagnostics.at(-1)!]) {
        expect(textAt(text, diagnostic.range)).toBe('child pornography');
      }
      const end = positionAt(text, text.length);
      const version = await client.change(uri, [
        { range: { start: end, end }, text: 'A child prostitute.\n' },
      ]);
      const updated = await client.diagnosticsFor(uri, { version, timeoutMs: 100_000 });
      expect(updated.at(-1)?.code).toBe('child-prostitute');
      expect(updated.at(-1)?.range.start).toEqual({
        line: end.line,
        character: end.character + 'A '.length,
      });
      await client.close(uri);
    },
  );

  it('applying an edit built from a code action to the text gives what the server then lints as clean', async () => {
    // Round trip through applyEdits, to check the helper itself against the server's positions.
    const uri = fileUri(path.join(workspace, 'roundtrip.md'));
    const text = 'é😀 child pornography\n';
    await client.open(uri, text);
    const [diagnostic] = await client.diagnosticsFor(uri);
    const actions = await client.codeActions(uri, diagnostic!.range, {
      diagnostics: [diagnostic!],
    });
    const preferred = actions.find((action) => action.isPreferred);
    const fixed = applyEdits(text, preferred?.edit?.changes?.[uri] ?? []);
    expect(fixed.startsWith('é😀 ')).toBe(true);
    const version = await client.change(uri, [{ text: fixed }]);
    expect(await client.diagnosticsFor(uri, { version })).toEqual([]);
  });
});
