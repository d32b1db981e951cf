/**
 * A minimal LSP client that drives the real luxlint language server over stdio, the way an
 * editor does: it spawns the process, answers `workspace/configuration` with settings the test
 * controls, and records every notification the server sends.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The two builds the suite runs against: tsc's dist/bin.js and the esbuild bundle. */
export const serverBuilds = {
  dist: path.join(repositoryRoot, 'packages/language-server/dist/bin.js'),
  bundle: path.join(repositoryRoot, 'packages/language-server/dist/server.cjs'),
} as const;

export type ServerBuild = keyof typeof serverBuilds;

/**
 * Make a fresh directory outside the repository, so no config file above it applies. The caller
 * removes it with `removeWorkspace` once every client using it has stopped.
 */
export function temporaryWorkspace(): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), 'luxlint-lsp-')));
}

/**
 * Remove a directory made by `temporaryWorkspace` (nothing when it was never made). Stop the
 * clients first: `stop()` returns once the server process has exited, so no server still reads
 * or watches the folder.
 */
export function removeWorkspace(directory: string | undefined): void {
  if (directory) rmSync(directory, { recursive: true, force: true });
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: false },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      isPreferredSupport: true,
      dataSupport: true,
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] },
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface StartOptions {
  /** The luxlint settings section the client answers `workspace/configuration` with. */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  rootDirectory?: string;
}

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/**
 * The server's marker for a closed document: it clears the diagnostics without naming a version.
 * Every other publication names the version it was computed for.
 */
export function isCloseMarker(params: PublishDiagnosticsParams): boolean {
  return params.version === undefined && params.diagnostics.length === 0;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  stderr = '';
  settings: unknown;
  configurationRequests = 0;
  initializeResult: InitializeResult | undefined;
  readonly #waiters = new Set<Waiter>();
  readonly #conditions = new Set<() => void>();
  readonly #exited: Promise<number | null>;
  #versions = new Map<string, number>();
  /** Where the publications of the latest open of each document start (see `diagnosticsFor`). */
  #openedAt = new Map<string, number>();

  private constructor(serverPath: string, settings: unknown) {
    this.settings = settings;
    const args = serverPath.endsWith('.ts')
      ? ['--import', 'tsx', serverPath, '--stdio']
      : [serverPath, '--stdio'];
    this.process = spawn(process.execPath, args, { stdio: 'pipe' });
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.#exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'luxlint' ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params.message);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of this.#waiters) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.#waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
      for (const check of this.#conditions) check();
    });
    this.connection.listen();
  }

  static async start(build: ServerBuild | string, options: StartOptions = {}): Promise<TestClient> {
    const serverPath =
      process.env['LUXLINT_LSP_SERVER'] ??
      (build in serverBuilds ? serverBuilds[build as ServerBuild] : build);
    const client = new TestClient(serverPath, options.settings ?? {});
    const rootDirectory = options.rootDirectory;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: rootDirectory ? fileUri(rootDirectory) : null,
      workspaceFolders: rootDirectory ? [{ uri: fileUri(rootDirectory), name: 'test' }] : null,
      capabilities: options.capabilities ?? fullCapabilities,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get isRunning(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Resolve with the first publishDiagnostics for `uri` (already received or future) that satisfies `predicate`. */
  diagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    { since = 0, timeoutMs = 20_000 }: { since?: number; timeoutMs?: number } = {},
  ): Promise<PublishDiagnosticsParams> {
    const seen = this.published
      .slice(since)
      .find((params) => params.uri === uri && predicate(params));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, predicate, resolve };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      waiter.resolve = (params) => {
        clearTimeout(timer);
        resolve(params);
      };
      this.#waiters.add(waiter);
    });
  }

  /**
   * Diagnostics published for the current (or given) version of a document. Only publications
   * received since the document was last opened count (versions start again at 1 when a closed
   * document is reopened, so an earlier open's publication can name the same version); `since`
   * skips more.
   */
  diagnosticsFor(
    uri: string,
    {
      version = this.#versions.get(uri),
      since = this.#openedAt.get(uri) ?? 0,
      timeoutMs = 20_000,
    } = {},
  ): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (params) => params.version === version, { since, timeoutMs }).then(
      (params) => params.diagnostics,
    );
  }

  /** A mark to pass as `since`: only publications after this moment count. */
  mark(): number {
    return this.published.length;
  }

  /**
   * The publications for `uri`, one list per open of the document, split at the server's close
   * markers. The split follows the server's own order, so a publication the server sent before it
   * handled a close lands in the right list even when it arrives after the client reopened the
   * document; the marker itself is left out. With every open closed, there is one list per open
   * plus an empty last one.
   */
  lifetimes(uri: string): PublishDiagnosticsParams[][] {
    const lifetimes: PublishDiagnosticsParams[][] = [[]];
    for (const params of this.published) {
      if (params.uri !== uri) continue;
      if (isCloseMarker(params)) lifetimes.push([]);
      else lifetimes.at(-1)!.push(params);
    }
    return lifetimes;
  }

  /** Resolve once `condition` holds; it is checked now and after every publication. */
  until(
    condition: () => boolean,
    { timeoutMs = 20_000, what = 'a condition' } = {},
  ): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        this.#conditions.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#conditions.delete(check);
        reject(
          new Error(
            `${what} did not happen within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      this.#conditions.add(check);
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    this.#versions.set(uri, version);
    this.#openedAt.set(uri, this.published.length);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Send one didChange; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async close(uri: string): Promise<void> {
    this.#versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { luxlint: settings },
    });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    return this.connection
      .sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })
      .then((result) =>
        (result ?? []).filter(
          (item): item is CodeAction =>
            'title' in item && !('command' in item && typeof item.command === 'string'),
        ),
      );
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character },
    });
  }

  version(uri: string): number | undefined {
    return this.#versions.get(uri);
  }

  async stop(): Promise<void> {
    if (this.isRunning) {
      try {
        await Promise.race([
          this.connection.sendRequest(ShutdownRequest.type),
          new Promise((r) => setTimeout(r, 2000)),
        ]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The server may already be gone; killing it below is enough.
      }
      const exited = await Promise.race([
        this.#exited,
        new Promise((r) => setTimeout(() => r('timeout'), 3000)),
      ]);
      if (exited === 'timeout') {
        this.process.kill();
        // Wait for the exit too, so the caller can remove the workspace the server was using.
        await Promise.race([this.#exited, new Promise((r) => setTimeout(r, 2000))]);
      }
    }
    this.connection.dispose();
  }
}

/** Apply LSP text edits to a string (edits must not overlap), as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') lineStarts.push(index + 1);
  }
  const offsetAt = (line: number, character: number): number =>
    Math.min((lineStarts[line] ?? text.length) + character, text.length);
  const sorted = [...edits].sort(
    (a, b) =>
      offsetAt(b.range.start.line, b.range.start.character) -
      offsetAt(a.range.start.line, a.range.start.character),
  );
  let result = text;
  for (const edit of sorted) {
    const start = offsetAt(edit.range.start.line, edit.range.start.character);
    const end = offsetAt(edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

/** The text a range covers, with LSP (UTF-16) positions. */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  const offsetAt = (line: number, character: number): number =>
    lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + character;
  return text.slice(
    offsetAt(range.start.line, range.start.character),
    offsetAt(range.end.line, range.end.character),
  );
}
