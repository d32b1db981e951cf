/**
 * Regression tests for the ways the language server's diagnostics, hovers and fixes could fall
 * out of step with the document (issue 9): each case was found by the random-sequence property in
 * tests/properties/lsp.properties.test.ts and is replayed here on purpose. The large documents
 * keep a lint running long enough for the next message to arrive during it; the pauses only widen
 * that window, the assertions never depend on them.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  TestClient,
  applyEdits,
  editsFor,
  fileUri,
  removeWorkspace,
  temporaryWorkspace,
} from './client.js';
import {
  expectedDiagnostics,
  expectedFindings,
  offsetsOf,
  positionAt,
  rangeOf,
  summarize,
} from './expected.js';
import { builds, prepareBuild } from './helpers.js';

/** About `bytes` of Markdown prose with a fixable finding every 20 paragraphs. */
function largeDocument(bytes: number): string {
  const paragraph =
    'The hotline reviewed reports from partners in several countries and published its figures.\n\n';
  let text = '';
  // A term every few hundred bytes: the lint of a megabyte must take long enough (about a
  // second) to be still running when the test's next message arrives; a mostly clean megabyte
  // takes the fast path in tens of milliseconds.
  while (text.length < bytes) text += `${paragraph.repeat(2)}Police seized child pornography.\n\n`;
  return text;
}

const twoMegabytes = largeDocument(2 * 1024 * 1024);
const oneMegabyte = largeDocument(1024 * 1024);

describe.each(builds)('diagnostics, hovers and fixes stay in step (%s build)', (build) => {
  let workspace: string;
  let counter = 0;
  const uriOf = (name: string): string => fileUri(path.join(workspace, `${counter++}-${name}`));
  /** Validation right after each change, so a lint is queued whenever the test sends the next message. */
  let client: TestClient;
  /** A long debounce: nothing re-lints an edited version unless a request asks for it. */
  let slowClient: TestClient;

  beforeAll(async () => {
    prepareBuild(build);
    workspace = temporaryWorkspace();
    [client, slowClient] = await Promise.all([
      TestClient.start(build, { rootDirectory: workspace, settings: { debounceMs: 0 } }),
      TestClient.start(build, { rootDirectory: workspace, settings: { debounceMs: 5000 } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([client?.stop(), slowClient?.stop()]);
    removeWorkspace(workspace);
  });

  it(
    'a hover while the validation of the newest version waits for the lint of a huge older one does not cancel its publication',
    { timeout: 60_000 },
    async () => {
      const uri = uriOf('huge-then-small.md');
      await client.open(uri, twoMegabytes);
      await sleep(150);
      // A small edit at the very end: its validation queues behind the 2 MB lint still running.
      const end = positionAt(twoMegabytes, twoMegabytes.length);
      const addition = 'A child prostitute.\n';
      const version = await client.change(uri, [{ range: { start: end, end }, text: addition }]);
      const text = twoMegabytes + addition;
      await sleep(100);
      // The hover needs the findings of the newest version too; it must share that lint, not replace it.
      const hover = await client.hover(uri, end.line, end.character + 4);
      const last = expectedFindings(text, 'markdown').at(-1)!;
      expect(last.code).toBe('child-prostitute');
      expect(hover?.range).toEqual(rangeOf(text, last.offset, last.endOffset));
      const published = await client.diagnosticsFor(uri, { version, timeoutMs: 30_000 });
      expect(summarize(published)).toEqual(expectedDiagnostics(text, 'markdown'));
      expect(client.isRunning).toBe(true);
    },
  );

  it(
    'a fix-all or hover asked after an edit that arrived during a lint uses the edited text, not the linted one',
    { timeout: 60_000 },
    async () => {
      const client = slowClient;
      const uri = uriOf('edit-during-lint.md');
      await client.open(uri, oneMegabyte);
      await sleep(100);
      // Shifts every finding by the length of the prefix; the 1 MB lint of version 1 is still running.
      const prefix = 'Intro. ';
      await client.change(uri, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          text: prefix,
        },
      ]);
      const text = prefix + oneMegabyte;
      // Long enough for the lint of version 1 to finish, well short of the debounce.
      await sleep(1500);
      const [fixAll] = await client.codeActions(
        uri,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        { diagnostics: [], only: ['source.fixAll.luxlint'] },
      );
      const edits = editsFor(fixAll?.edit, uri);
      const fixes = expectedFindings(text, 'markdown').flatMap((finding) =>
        finding.fix ? [finding.fix] : [],
      );
      expect(fixes.length).toBeGreaterThan(100);
      const offsetAt = offsetsOf(text);
      expect(
        edits.map((edit) => ({
          offset: offsetAt(edit.range.start),
          endOffset: offsetAt(edit.range.end),
          text: edit.newText,
        })),
      ).toEqual(fixes);
      expect(applyEdits(text, edits)).not.toContain('child pornography');

      const first = expectedFindings(text, 'markdown')[0]!;
      const hover = await client.hover(uri, first.start.line, first.start.character + 1);
      expect(hover?.range).toEqual(rangeOf(text, first.offset, first.endOffset));
    },
  );

  it(
    'a document closed and reopened at version 1 while its old text is being linted shows only the new text',
    { timeout: 60_000 },
    async () => {
      const uri = uriOf('reopened.md');
      await client.open(uri, oneMegabyte);
      await sleep(100);
      await client.close(uri);
      const text = 'A child prostitute.\n';
      await client.open(uri, text);
      const current = (): PublishDiagnosticsParams[] => client.lifetimes(uri)[1] ?? [];
      await client.until(() => current().length > 0, { what: 'a publication after the reopen' });
      await client.close(uri);
      await client.until(() => client.lifetimes(uri).length === 3, { what: 'the second close' });
      const [before, after] = client.lifetimes(uri);
      // The first open was closed during its lint: it may publish nothing, but nothing stale.
      for (const params of before!) {
        expect(summarize(params.diagnostics)).toEqual(expectedDiagnostics(oneMegabyte, 'markdown'));
      }
      expect(after!.length).toBeGreaterThan(0);
      for (const params of after!) {
        expect(params.version).toBe(1);
        expect(summarize(params.diagnostics)).toEqual(expectedDiagnostics(text, 'markdown'));
      }
      expect(after!.at(-1)!.diagnostics.map((d) => d.code)).toEqual(['child-prostitute']);
    },
  );

  it(
    'a document closed while its newest version is being linted is cleared and never published again',
    { timeout: 60_000 },
    async () => {
      const uri = uriOf('closed-during-lint.md');
      await client.open(uri, 'child pornography\n');
      await client.diagnosticsFor(uri);
      await client.change(uri, [{ text: oneMegabyte }]);
      await sleep(100);
      await client.close(uri);
      await client.until(() => client.lifetimes(uri).length === 2, { what: 'the close' });
      // Another document's lint queued behind the closed one's, then a round trip, then a pause.
      const other = uriOf('after-close.md');
      await client.open(other, 'a child prostitute\n');
      await client.diagnosticsFor(other, { timeoutMs: 30_000 });
      await sleep(300);
      const after = client.lifetimes(uri)[1];
      expect(after).toEqual([]);
      const [publications] = client.lifetimes(uri);
      for (const params of publications!) expect(params.version).toBe(1);
    },
  );

  it('a change notification with a malformed part changes nothing, and the next valid one applies', async () => {
    const uri = uriOf('atomic-change.md');
    const text = 'child pornography\n';
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    // A valid whole-text replacement followed by a change whose range is not a range.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'nothing to see\n' }, { range: 'here', text: 'x' }],
    });
    // Neither is a version that is not a number.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 'three' },
      contentChanges: [{ text: 'nothing to see\n' }],
    });
    // The client's text is still the opened one; this edit is relative to it.
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'A ' },
    ]);
    const published = await client.diagnosticsFor(uri, { version });
    expect(summarize(published)).toEqual(expectedDiagnostics(`A ${text}`, 'markdown'));
    expect(published.map((d) => d.code)).toEqual(['child-pornography']);
  });

  it('an open whose text is not a string is refused, and the server keeps working', async () => {
    const uri = uriOf('not-text.md');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 42 },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf('no-language.md'), languageId: null, version: 1, text: 'x' },
    });
    expect(await client.hover(uri, 0, 0)).toBeNull();
    const other = uriOf('valid.md');
    await client.open(other, 'a child prostitute\n');
    expect((await client.diagnosticsFor(other)).map((d) => d.code)).toEqual(['child-prostitute']);
    expect(client.published.filter((params) => params.uri === uri)).toEqual([]);
    expect(client.isRunning).toBe(true);
  });
});
