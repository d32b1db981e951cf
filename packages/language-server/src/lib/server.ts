import type { Format } from '@luxlint/lint';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { configFileNames, createConfigFinder, loadConfig, type LoadedConfig } from './config.js';
import {
  fixAllAction,
  fixAllKind,
  ignoreAction,
  isOurs,
  replaceActions,
  wants,
} from './code-actions.js';
import { isPosition, toDiagnostic } from './diagnostics.js';
import { checkedDocuments } from './documents.js';
import { isEntryFinding, mergeOptions, type Finding } from './findings.js';
import { LintCancelled, LintRunner } from './lint-runner.js';
import { formatFor } from './format.js';
import { hoverMarkdown } from './hover.js';
import { normalizeSettings, type EditorSettings } from './settings.js';
import { URI } from './uri.js';

export const serverName = 'luxlint-language-server';
export const serverVersion = '0.1.0';

/**
 * A lint that took longer than this slows the debounce down to its own duration: on huge
 * documents, starting a lint at every pause in typing would only start lints that the next
 * keystroke abandons. Equal to the runner's abandon threshold.
 */
const slowLintMs = 1000;

interface LintResult {
  findings: Finding[];
  settings: EditorSettings;
}

/**
 * One lint of one revision of an open document. Validation, hovers and code actions that need
 * the findings of the same revision share it, so a request never starts a second lint that
 * would replace (and so cancel) the one whose result is waiting to be published.
 */
interface RevisionLint {
  revision: number;
  /** The LSP version of that revision, echoed in the publication. */
  version: number;
  /** Undefined when a newer edit, a close or a settings change made the lint pointless. */
  result: Promise<LintResult | undefined>;
}

/**
 * What the server keeps about one open of a document. A new one is made at every open, so the
 * object itself tells this open from an earlier one of the same URI, whose versions started at
 * 1 too; `revision` counts the changes applied since, whatever versions the client sends.
 */
interface DocumentState {
  revision: number;
  format: Format | undefined;
  timer: NodeJS.Timeout | undefined;
  /** The lint of the newest revision asked for so far (not necessarily the current one). */
  lint: RevisionLint | undefined;
  lastDurationMs: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export interface ServerOptions {
  /**
   * Script that starts a lint worker (it must call `runLintWorker()` when `isLintWorker()`).
   * Without it, linting runs on the main thread, which blocks the server during long lints.
   */
  workerScript?: string | undefined;
}

/**
 * Wire the luxlint handlers onto a connection. `startServer` calls this with a connection made
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`); tests and other hosts may pass their own.
 */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const runner = new LintRunner({
    workerScript: options.workerScript,
    log: (message) => connection.console.error(message),
  });
  connection.onExit(() => runner.dispose());
  const documents = new TextDocuments(checkedDocuments);
  const states = new Map<string, DocumentState>();
  const settingsByUri = new Map<string, Promise<EditorSettings>>();
  const configCache = createConfigFinder();
  const reportedProblems = new Set<string>();

  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRegisterConfiguration = false;
  /** Settings pushed by a client without `workspace/configuration` (or given as initializationOptions). */
  let pushedSettings: unknown;
  let workspaceDirectory: string | undefined;

  const log = {
    error: (text: string): void => connection.console.error(text),
    info: (text: string): void => connection.console.info(text),
  };

  function reportProblems(problems: readonly string[]): void {
    for (const problem of problems) {
      if (reportedProblems.has(problem)) continue;
      reportedProblems.add(problem);
      log.error(problem);
      // A notification, not window/showMessageRequest: nothing to answer, and every client shows it.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: problem,
      });
    }
  }

  function unwrapSection(raw: unknown): unknown {
    if (typeof raw === 'object' && raw !== null && 'luxlint' in raw)
      return (raw as Record<string, unknown>)['luxlint'];
    return raw;
  }

  function settingsFor(uri: string): Promise<EditorSettings> {
    let pending = settingsByUri.get(uri);
    if (!pending) {
      const fetch: Promise<unknown> = canPullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'luxlint' })
        : Promise.resolve(pushedSettings);
      pending = fetch.then(
        (raw) => {
          const { settings, problems } = normalizeSettings(raw);
          reportProblems(problems);
          return settings;
        },
        (error: unknown) => {
          log.error(`luxlint: could not read the editor settings: ${errorText(error)}`);
          return normalizeSettings(undefined).settings;
        },
      );
      settingsByUri.set(uri, pending);
    }
    return pending;
  }

  async function configFor(uri: string): Promise<LoadedConfig> {
    const directory = URI.directory(uri) ?? workspaceDirectory;
    if (directory === undefined) return { file: undefined, settings: {}, problems: [] };
    // Without file watching the client cannot tell us about edits, so read afresh each time.
    const loaded = await (canWatchFiles ? configCache.find(directory) : loadConfig(directory));
    reportProblems(loaded.problems);
    return loaded;
  }

  /** Whether `state` is still the open document at `uri`, unchanged since `revision`. */
  function isCurrent(uri: string, state: DocumentState, revision: number): boolean {
    return states.get(uri) === state && state.revision === revision;
  }

  /** The lint of the document's current revision: the one already started, or a new one. */
  function lintOf(uri: string, state: DocumentState, document: TextDocument): RevisionLint {
    const existing = state.lint;
    if (existing && existing.revision === state.revision) return existing;
    const revisionLint: RevisionLint = {
      revision: state.revision,
      version: document.version,
      result: Promise.resolve(undefined),
    };
    state.lint = revisionLint;
    // Read now: the document object is updated in place by later changes.
    const text = document.getText();
    revisionLint.result = runLint(uri, state, revisionLint, text);
    return revisionLint;
  }

  async function runLint(
    uri: string,
    state: DocumentState,
    revisionLint: RevisionLint,
    text: string,
  ): Promise<LintResult | undefined> {
    const format = state.format;
    if (!format) return undefined;
    const [settings, config] = await Promise.all([settingsFor(uri), configFor(uri)]);
    // Superseded while the settings and the config were read: queueing it now would cancel the
    // newer lint.
    if (states.get(uri) !== state || state.lint !== revisionLint) return undefined;
    const started = performance.now();
    let findings: Finding[] = [];
    try {
      findings = await runner.lint(
        uri,
        text,
        format,
        mergeOptions(config.settings, settings),
        URI.fsPath(uri),
      );
    } catch (error) {
      if (error instanceof LintCancelled) return undefined;
      log.error(`luxlint: linting ${uri} failed: ${errorText(error)}`);
      // Usually a bad option (an unknown \`lang\`…): tell the user once, in one line.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      reportProblems([`luxlint could not check ${URI.fsPath(uri) ?? uri}: ${reason}`]);
    }
    state.lastDurationMs = performance.now() - started;
    return { findings, settings };
  }

  /** Forget the lint of the current revision, so the next request lints again (new settings or config). */
  function invalidate(state: DocumentState): void {
    state.lint = undefined;
  }

  async function validate(uri: string, state: DocumentState): Promise<void> {
    const document = documents.get(uri);
    if (!document || states.get(uri) !== state) return;
    const revisionLint = lintOf(uri, state, document);
    const result = await revisionLint.result;
    // A newer edit, a close (and maybe a reopen) or a settings change since: its own run publishes.
    if (!result || !isCurrent(uri, state, revisionLint.revision) || state.lint !== revisionLint) {
      return;
    }
    const diagnostics: Diagnostic[] = result.findings.map((finding) =>
      toDiagnostic(finding, document, result.settings),
    );
    await connection.sendDiagnostics({ uri, version: revisionLint.version, diagnostics });
  }

  function schedule(uri: string, delayMs?: number): void {
    const state = states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    void settingsFor(uri).then((settings) => {
      if (states.get(uri) !== state) return;
      const configured = delayMs ?? settings.debounceMs;
      const delay =
        state.lastDurationMs > slowLintMs ? Math.max(configured, state.lastDurationMs) : configured;
      if (state.timer) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        validate(uri, state).catch((error: unknown) =>
          log.error(`luxlint: ${uri}: ${errorText(error)}`),
        );
      }, delay);
    });
  }

  function relintAll(): void {
    for (const state of states.values()) invalidate(state);
    for (const uri of states.keys()) schedule(uri, 0);
  }

  /**
   * The findings for the document as it is when the request arrives, or undefined when it
   * changed (or closed) before they were ready: positions computed then would point into a text
   * the client no longer has, and a fix built on them would damage it.
   */
  async function currentFindings(uri: string): Promise<Finding[] | undefined> {
    const state = states.get(uri);
    const document = documents.get(uri);
    if (!state || !document) return undefined;
    const revision = state.revision;
    // A settings change can replace the lint of the same revision once or twice; then give up.
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await lintOf(uri, state, document).result;
      if (!isCurrent(uri, state, revision)) return undefined;
      if (result) return result.findings;
    }
    return undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canRegisterConfiguration =
      capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    pushedSettings = unwrapSection(params.initializationOptions);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder) workspaceDirectory = URI.fsPath(folder);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, fixAllKind],
          resolveProvider: false,
        },
        hoverProvider: true,
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    runner.warmUp();
    if (canRegisterConfiguration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'luxlint' })
        .catch(() => undefined);
    }
    if (canWatchFiles) {
      const watchers = configFileNames.map((name) => ({ globPattern: `**/${name}` }));
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((error: unknown) => {
          canWatchFiles = false;
          log.error(`luxlint: cannot watch config files: ${errorText(error)}`);
        });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settingsByUri.clear();
    reportedProblems.clear();
    if (!canPullConfiguration) pushedSettings = unwrapSection(params.settings);
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const touched = (params.changes ?? []).some((change) => {
      const name = path.posix.basename(URI.path(change.uri) ?? '');
      return configFileNames.includes(name);
    });
    if (!touched) return;
    configCache.clear();
    reportedProblems.clear();
    relintAll();
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen; the open is linted at once, not debounced.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    const previous = states.get(document.uri);
    if (previous?.timer) clearTimeout(previous.timer);
    // An open without a close in between: the client starts over, and so does the server.
    if (previous) runner.cancel(document.uri, true);
    states.set(document.uri, {
      revision: 0,
      format: formatFor(document.languageId, document.uri),
      timer: undefined,
      lint: undefined,
      lastDurationMs: 0,
    });
    justOpened.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    const state = states.get(document.uri);
    if (!state) return;
    state.revision++;
    runner.cancel(document.uri);
    void settingsFor(document.uri).then((settings) => {
      if (settings.run === 'onType') schedule(document.uri);
    });
  });
  documents.onDidSave(({ document }) => {
    const state = states.get(document.uri);
    if (!state) return;
    // Without file watching, a save is when a changed config file is noticed: lint again.
    invalidate(state);
    schedule(document.uri, 0);
  });
  documents.onDidClose(({ document }) => {
    const state = states.get(document.uri);
    if (state?.timer) clearTimeout(state.timer);
    runner.cancel(document.uri, true);
    states.delete(document.uri);
    settingsByUri.delete(document.uri);
    justOpened.delete(document.uri);
    // The only publication without a version; nothing is published for this open afterwards.
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument?.uri);
    if (!document) return [];
    const format = states.get(document.uri)?.format;
    if (!format) return [];
    const revision = states.get(document.uri)?.revision;
    const only = params.context?.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const diagnostics = Array.isArray(params.context?.diagnostics)
        ? params.context.diagnostics
        : [];
      for (const diagnostic of diagnostics) {
        if (!isOurs(diagnostic)) continue;
        actions.push(...replaceActions(document.uri, diagnostic));
        const ignore = ignoreAction(document.uri, document, format, diagnostic);
        if (ignore) actions.push(ignore);
      }
    }
    // Only offered when asked for by kind or when nothing is filtered, so a plain quick-fix menu stays short.
    if (wants(only, fixAllKind)) {
      const findings = await currentFindings(document.uri);
      const action = findings && fixAllAction(document.uri, document, findings);
      if (action) actions.push(action);
    }
    // The quick fixes were built on the text of the request; after an edit they would not fit.
    if (states.get(document.uri)?.revision !== revision) return [];
    return actions;
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument?.uri);
    if (!document || !isPosition(params.position) || !states.get(document.uri)?.format) return null;
    const offset = document.offsetAt(params.position);
    const findings = await currentFindings(document.uri);
    if (!findings) return null;
    const hits = findings.filter(
      (finding) =>
        isEntryFinding(finding) && finding.offset <= offset && offset <= finding.endOffset,
    );
    if (hits.length === 0) return null;
    const first = hits[0]!;
    return {
      contents: { kind: 'markdown', value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
      range: {
        start: document.positionAt(first.offset),
        end: document.positionAt(first.endOffset),
      },
    };
  });

  documents.listen(connection);
  connection.listen();
}

/** Start the server on the transport named on the command line. */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const logFatal = (error: unknown): void => {
    try {
      connection.console.error(`luxlint: unexpected error: ${errorText(error)}`);
    } catch {
      process.stderr.write(`luxlint: unexpected error: ${errorText(error)}\n`);
    }
  };
  // A bug in one handler must not take the editor's diagnostics down with it.
  process.on('uncaughtException', logFatal);
  process.on('unhandledRejection', logFatal);
  createServer(connection, options);
  return connection;
}
