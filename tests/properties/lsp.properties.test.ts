/**
 * The language server under random request sequences (fast-check model-based commands over the
 * real stdio server): opens, full and incremental changes, closes and reopens of the same URI,
 * code actions, hovers, malformed requests and notifications, and megabyte edits.
 *
 * Properties, checked against `lint()` run in this process:
 * - the server never crashes;
 * - every publication is exactly what lint() says about the text of the version it names, in the
 *   open of the document it was sent for (a close ends an open; versions start again at 1 when the
 *   URI is reopened), and versions never go back within an open;
 * - the last publication of every document still open at the end is for its last version;
 * - nothing is published for a document after its close, except the clearing itself;
 * - a hover or fix-all answers about the text as it is when the request arrives.
 *
 * `pnpm test` runs a few sequences; `pnpm fuzz` (FUZZ_RUNS) many more.
 */
import type { Format } from '@luxlint/lint';
import fc from 'fast-check';
import {
  CodeActionRequest,
  HoverRequest,
  type CodeAction,
  type Command as LspCommand,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TestClient,
  editsFor,
  fileUri,
  removeWorkspace,
  temporaryWorkspace,
} from '../lsp/client.js';
import {
  expectedDiagnostics,
  expectedFindings,
  offsetsOf,
  positionAt,
  summarize,
} from '../lsp/expected.js';
import { documentsByFormat, runs, seed } from './arbitraries.js';

const languages = [
  { languageId: 'markdown', format: 'markdown', extension: 'md' },
  { languageId: 'plaintext', format: 'text', extension: 'txt' },
  { languageId: 'html', format: 'html', extension: 'html' },
] as const satisfies readonly { languageId: string; format: Format; extension: string }[];

/** One open of a document: the text of every version the client sent. */
interface Life {
  format: Format;
  version: number;
  texts: Map<number, string>;
  /** Still open when its sequence ended, so its last version must have been published. */
  openAtEnd: boolean;
}

function textOf(life: Life): string {
  return life.texts.get(life.version)!;
}

interface Model {
  documents: Map<string, Life>;
}

/** Every open of every URI, in order, over all sequences: the k-th close marker ends the k-th. */
const livesByUri = new Map<string, Life[]>();

/**
 * Sequences: 30 in `pnpm test` (about 15 s on two cores, megabyte edits included); with FUZZ_RUNS
 * (`pnpm fuzz`: 20,000) one per 40 runs, as a sequence costs far more than one lint() case.
 */
const sequenceRuns = process.env['FUZZ_RUNS'] ? Math.max(30, Math.round(runs / 40)) : 30;

/** `pnpm fuzz` (LUXLINT_HEAVY=1): megabyte edits in every format. */
const heavy = process.env['LUXLINT_HEAVY'] === '1';

let workspace = '';
let client: TestClient;
let commandsRun = 0;
let sequences = 0;
let publicationsChecked = 0;
beforeAll(async () => {
  workspace = temporaryWorkspace();
  client = await TestClient.start('dist', { rootDirectory: workspace });
});
afterAll(async () => {
  await client?.stop();
  removeWorkspace(workspace);
  console.log(
    `tests/properties/lsp: ${sequences} random sequences, ${commandsRun} requests/notifications, ${publicationsChecked} publications checked`,
  );
});

type Command = fc.AsyncCommand<Model, TestClient>;
const uriOf = (slot: number, language: (typeof languages)[number]): string =>
  fileUri(`${workspace}/doc-${slot}.${language.extension}`);

class Open implements Command {
  constructor(
    readonly slot: number,
    readonly language: (typeof languages)[number],
    readonly text: string,
  ) {}
  check(model: Readonly<Model>) {
    return ![...model.documents.keys()].some((uri) => uri.includes(`/doc-${this.slot}.`));
  }
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const uri = uriOf(this.slot, this.language);
    await real.open(uri, this.text, this.language.languageId);
    const life: Life = {
      format: this.language.format,
      version: 1,
      texts: new Map([[1, this.text]]),
      openAtEnd: false,
    };
    livesByUri.set(uri, [...(livesByUri.get(uri) ?? []), life]);
    model.documents.set(uri, life);
  }
  toString() {
    return `open(${this.slot}, ${this.language.languageId}, ${JSON.stringify(this.text.slice(0, 60))})`;
  }
}

/** Picks among the open documents by index, so it works on whatever the model holds. */
abstract class OnOpenDocument implements Command {
  constructor(readonly pick: number) {}
  target(model: Readonly<Model>): [string, Life] {
    const entries = [...model.documents];
    return entries[this.pick % entries.length]!;
  }
  check(model: Readonly<Model>) {
    return model.documents.size > 0;
  }
  abstract run(model: Model, real: TestClient): Promise<void>;
}

class ReplaceAll extends OnOpenDocument {
  constructor(
    pick: number,
    readonly text: string,
  ) {
    super(pick);
  }
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const [uri, life] = this.target(model);
    life.version = await real.change(uri, [{ text: this.text }]);
    life.texts.set(life.version, this.text);
  }
  override toString() {
    return `replaceAll(${this.pick}, ${this.text.length} chars)`;
  }
}

class EditRange extends OnOpenDocument {
  constructor(
    pick: number,
    readonly from: number,
    readonly length: number,
    readonly insert: string,
  ) {
    super(pick);
  }
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const [uri, life] = this.target(model);
    const text = textOf(life);
    let start = Math.min(this.from, text.length);
    // Never split a CR LF pair: an editor cannot place a position between them either.
    if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
    let end = Math.min(start + this.length, text.length);
    if (end > 0 && text[end - 1] === '\r' && text[end] === '\n') end--;
    if (end < start) end = start;
    life.version = await real.change(uri, [
      { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: this.insert },
    ]);
    life.texts.set(life.version, text.slice(0, start) + this.insert + text.slice(end));
  }
  override toString() {
    return `edit(${this.pick}, ${this.from}+${this.length}, ${JSON.stringify(this.insert.slice(0, 40))})`;
  }
}

/** A change notification with a malformed part: refused whole, so the text stays as it was. */
class MalformedChange extends OnOpenDocument {
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const [uri, life] = this.target(model);
    await real.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: life.version + 1 },
      contentChanges: [{ text: 'replaced by a change that is refused' }, { range: 'x', text: 5 }],
    });
  }
  override toString() {
    return `malformedChange(${this.pick})`;
  }
}

class Close extends OnOpenDocument {
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const [uri] = this.target(model);
    await real.close(uri);
    model.documents.delete(uri);
  }
  override toString() {
    return `close(${this.pick})`;
  }
}

function isFixAll(item: CodeAction | LspCommand): item is CodeAction {
  return 'kind' in item && item.kind === 'source.fixAll.luxlint';
}

class AskCodeActionsAndHover extends OnOpenDocument {
  constructor(
    pick: number,
    readonly line: number,
    readonly character: number,
  ) {
    super(pick);
  }
  async run(model: Model, real: TestClient) {
    commandsRun += 2;
    const [uri, life] = this.target(model);
    const text = textOf(life);
    const expected = expectedFindings(text, life.format);
    const offsetAt = offsetsOf(text);
    const position = { line: this.line, character: this.character };

    // Nothing filtered: the fix-all source action comes with the (here empty) quick fixes.
    const actions = await real.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: position, end: { line: this.line + 1, character: 0 } },
      context: { diagnostics: [] },
    });
    expect(Array.isArray(actions)).toBe(true);
    const fixAll = (actions ?? []).find(isFixAll);
    const fixes = expected.flatMap((finding) => (finding.fix ? [finding.fix] : []));
    const edits = editsFor(fixAll?.edit, uri).map((edit) => ({
      offset: offsetAt(edit.range.start),
      endOffset: offsetAt(edit.range.end),
      text: edit.newText,
    }));
    // Overlapping fixes are dropped, so a subset; but some fix exactly when lint() has one.
    for (const edit of edits) expect(fixes).toContainEqual(edit);
    expect(edits.length > 0).toBe(fixes.length > 0);

    const hover = await real.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    const offset = offsetAt(position);
    const hit = expected.find(
      (finding) => finding.entry && finding.offset <= offset && offset <= finding.endOffset,
    );
    expect(hover?.range ?? null).toEqual(hit ? { start: hit.start, end: hit.end } : null);
  }
  override toString() {
    return `codeAction+hover(${this.pick}, ${this.line}:${this.character})`;
  }
}

class InvalidParams implements Command {
  constructor(readonly variant: number) {}
  check() {
    return true;
  }
  async run(_model: Model, real: TestClient) {
    commandsRun++;
    const garbage: [string, unknown][] = [
      ['textDocument/codeAction', { textDocument: { uri: 42 }, range: 'everywhere' }],
      [
        'textDocument/hover',
        { textDocument: { uri: 'file:///not/open.md' }, position: { line: -5, character: 1e12 } },
      ],
      ['textDocument/hover', null],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri: 'file:///x.md' },
          range: { start: { line: 1e9, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [{}] },
        },
      ],
      ['luxlint/unknownMethod', { anything: [1, 2, 3] }],
    ];
    const [method, params] = garbage[this.variant % garbage.length]!;
    // An error response or an empty answer are both fine; a crash is not.
    await real.connection.sendRequest(method, params).catch(() => undefined);
    await real.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///never-opened.md', version: 3 },
      contentChanges: [{ range: 'x', text: 5 }],
    });
    await real.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `${workspace}/not-a-uri.md`, languageId: 7, version: 'one', text: 42 },
    });
    await real.connection.sendNotification('textDocument/didClose', { textDocument: null });
  }
  toString() {
    return `invalid(${this.variant})`;
  }
}

/**
 * Replace a document with about a megabyte of prose and one term near the end. lint() of
 * plain text and HTML is much slower than of Markdown at this size (measured 8.5 s and 1.2 s for
 * 1 MB of text and HTML, 0.1 s for Markdown, and text grows quadratically), so outside
 * `pnpm fuzz` those formats get 256 KB, which still keeps a lint running while the next
 * messages arrive.
 */
class HugeEdit extends OnOpenDocument {
  constructor(
    pick: number,
    readonly variant: number,
  ) {
    super(pick);
  }
  async run(model: Model, real: TestClient) {
    commandsRun++;
    const [uri, life] = this.target(model);
    const bytes = heavy || life.format === 'markdown' ? 1024 * 1024 : 256 * 1024;
    const paragraph = `Paragraph ${this.variant}: the committee published its annual report.\n\n`;
    const text =
      paragraph.repeat(Math.ceil(bytes / paragraph.length)) + 'They found child pornography.\n';
    life.version = await real.change(uri, [{ text }]);
    life.texts.set(life.version, text);
  }
  override toString() {
    return `hugeEdit(${this.pick}, ${this.variant})`;
  }
}

const text = fc.oneof(documentsByFormat.markdown, documentsByFormat.text, documentsByFormat.html);

const commands = [
  fc
    .tuple(fc.nat({ max: 2 }), fc.constantFrom(...languages), text)
    .map(([slot, language, value]) => new Open(slot, language, value)),
  fc.tuple(fc.nat(), text).map(([pick, value]) => new ReplaceAll(pick, value)),
  fc
    .tuple(fc.nat(), fc.nat({ max: 400 }), fc.nat({ max: 40 }), text)
    .map(([pick, from, length, insert]) => new EditRange(pick, from, length, insert)),
  fc.nat().map((pick) => new Close(pick)),
  fc
    .tuple(fc.nat(), fc.nat({ max: 30 }), fc.nat({ max: 200 }))
    .map(([pick, line, character]) => new AskCodeActionsAndHover(pick, line, character)),
  fc.nat().map((variant) => new InvalidParams(variant)),
  fc.nat().map((pick) => new MalformedChange(pick)),
  fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([pick, variant]) => new HugeEdit(pick, variant)),
];

/** Whether the server has sent the close marker of every open of `uri` so far. */
function allClosed(uri: string): boolean {
  return client.lifetimes(uri).length === (livesByUri.get(uri)?.length ?? 0) + 1;
}

/** Check every publication of the opens of `uri` from the `from`-th on (all of them closed). */
function checkLives(uri: string, from: number): void {
  const lives = livesByUri.get(uri) ?? [];
  const lifetimes = client.lifetimes(uri);
  for (let index = from; index < lives.length; index++) {
    const life = lives[index]!;
    const publications = lifetimes[index]!;
    let previousVersion = 0;
    for (const params of publications) {
      const where = `${uri}, open ${index + 1}, version ${params.version}`;
      expect(params.version, where).toBeGreaterThanOrEqual(previousVersion);
      previousVersion = params.version!;
      const versionText = life.texts.get(params.version!);
      expect(versionText, `${where}: a version the client never sent in this open`).toBeDefined();
      expect(summarize(params.diagnostics), where).toEqual(
        expectedDiagnostics(versionText!, life.format),
      );
      publicationsChecked++;
    }
    if (life.openAtEnd) {
      expect(publications.at(-1)?.version, `${uri}, open ${index + 1}: last publication`).toBe(
        life.version,
      );
    }
  }
  expect(lifetimes.at(-1), `${uri}: published after its last close`).toEqual([]);
}

describe('language server under random request sequences', () => {
  it(
    'never crashes; every publication matches lint() of the text of its version; the last is for the last version',
    { timeout: Math.max(300_000, sequenceRuns * 30_000) },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 25, size: 'max' }),
          async (sequence) => {
            sequences++;
            const firstLife = new Map(
              [...livesByUri].map(([uri, lives]) => [uri, lives.length] as const),
            );
            const model: Model = { documents: new Map() };
            await fc.asyncModelRun(() => ({ model, real: client }), sequence);
            expect(client.isRunning, client.stderr.slice(-2000)).toBe(true);

            // Each open document's last version is published in its own open.
            for (const [uri, life] of model.documents) {
              life.openAtEnd = true;
              const index = livesByUri.get(uri)!.length - 1;
              await client.until(
                () =>
                  client.lifetimes(uri)[index]?.some((p) => p.version === life.version) ?? false,
                { timeoutMs: 60_000, what: `the publication of ${uri} version ${life.version}` },
              );
            }
            // Close everything; once the server has cleared them all, no publication of these opens can follow.
            for (const uri of model.documents.keys()) await client.close(uri);
            for (const uri of livesByUri.keys()) {
              await client.until(() => allClosed(uri), { what: `the close of ${uri}` });
              checkLives(uri, firstLife.get(uri) ?? 0);
            }
          },
        ),
        { numRuns: sequenceRuns, seed, endOnFailure: true },
      );
    },
  );
});
