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
import { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { ConfigCache, configFileNames, loadConfig, type LoadedConfig } from './config.js';
import {
  fixAllAction,
  fixAllKind,
  ignoreAction,
  isOurs,
  replaceActions,
  wants,
} from './code-actions.js';
import { toDiagnostic } from './diagnostics.js';
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
  version: number;
  findings: Finding[];
  settings: EditorSettings;
}

interface DocumentState {
  timer: NodeJS.Timeout | undefined;
  latest: LintResult | undefined;
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
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const settingsByUri = new Map<string, Promise<EditorSettings>>();
  const configCache = new ConfigCache();
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

  function stateOf(uri: string): DocumentState {
    let state = states.get(uri);
    if (!state) {
      state = { timer: undefined, latest: undefined, lastDurationMs: 0 };
      states.set(uri, state);
    }
    return state;
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

  function configFor(uri: string): LoadedConfig {
    const directory = URI.directory(uri) ?? workspaceDirectory;
    if (directory === undefined) return { file: undefined, config: {}, problems: [] };
    // Without file watching the client cannot tell us about edits, so read afresh each time.
    const loaded = canWatchFiles ? configCache.get(directory) : loadConfig(directory);
    reportProblems(loaded.problems);
    return loaded;
  }

  /** Lint the document as it is now; undefined when a newer edit cancelled it. */
  async function lintNow(
    document: TextDocument,
    format: Format,
    settings: EditorSettings,
  ): Promise<LintResult | undefined> {
    const state = stateOf(document.uri);
    const started = performance.now();
    let findings: Finding[] = [];
    try {
      const { config } = configFor(document.uri);
      findings = await runner.lint(
        document.uri,
        document.getText(),
        format,
        mergeOptions(config, settings),
        URI.fsPath(document.uri),
      );
    } catch (error) {
      if (error instanceof LintCancelled) return undefined;
      log.error(`luxlint: linting ${document.uri} failed: ${errorText(error)}`);
      // Usually a bad option (an unknown \`lang\`…): tell the user once, in one line.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      reportProblems([
        `luxlint could not check ${URI.fsPath(document.uri) ?? document.uri}: ${reason}`,
      ]);
    }
    state.lastDurationMs = performance.now() - started;
    const result: LintResult = { version: document.version, findings, settings };
    state.latest = result;
    return result;
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const format = formatFor(document.languageId, uri);
    if (!format) return;
    const version = document.version;
    const settings = await settingsFor(uri);
    if (documents.get(uri)?.version !== version) return;
    const result = await lintNow(document, format, settings);
    const current = documents.get(uri);
    // A newer edit has scheduled its own run; publishing now would show stale positions.
    if (!result || !current || current.version !== version) return;
    const diagnostics: Diagnostic[] = result.findings.map((finding) =>
      toDiagnostic(finding, current, settings),
    );
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delayMs?: number): void {
    const state = stateOf(uri);
    if (state.timer) clearTimeout(state.timer);
    void settingsFor(uri).then((settings) => {
      if (!documents.get(uri)) return;
      const configured = delayMs ?? settings.debounceMs;
      const delay =
        state.lastDurationMs > slowLintMs ? Math.max(configured, state.lastDurationMs) : configured;
      if (state.timer) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        validate(uri).catch((error: unknown) => log.error(`luxlint: ${uri}: ${errorText(error)}`));
      }, delay);
    });
  }

  function relintAll(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  /** Findings for the document's current version: the published ones, or a fresh lint. */
  async function currentFindings(document: TextDocument, format: Format): Promise<Finding[]> {
    const latest = states.get(document.uri)?.latest;
    if (latest && latest.version === document.version) return latest.findings;
    const settings = await settingsFor(document.uri);
    const current = documents.get(document.uri) ?? document;
    return (await lintNow(current, format, settings))?.findings ?? [];
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
    justOpened.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    runner.cancel(document.uri);
    void settingsFor(document.uri).then((settings) => {
      if (settings.run === 'onType') schedule(document.uri);
    });
  });
  documents.onDidSave(({ document }) => schedule(document.uri, 0));
  documents.onDidClose(({ document }) => {
    const state = states.get(document.uri);
    if (state?.timer) clearTimeout(state.timer);
    runner.cancel(document.uri, true);
    states.delete(document.uri);
    settingsByUri.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument?.uri);
    if (!document) return [];
    const format = formatFor(document.languageId, document.uri);
    if (!format) return [];
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
      const action = fixAllAction(document.uri, document, await currentFindings(document, format));
      if (action) actions.push(action);
    }
    return actions;
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument?.uri);
    if (!document || !params.position) return null;
    const format = formatFor(document.languageId, document.uri);
    if (!format) return null;
    const offset = document.offsetAt(params.position);
    const findings = await currentFindings(document, format);
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
