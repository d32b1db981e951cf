import type { Format } from '@luxlint/lint';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticSource, rangeOf, readDiagnosticData, isRange } from './diagnostics.js';
import type { Finding } from './findings.js';

/** The kind of the source action that applies every safe fix (`codeActionsOnSave` in VS Code). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.luxlint`;

/** Markdown code span that survives backticks inside the text. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Whether a client's `only` filter asks for actions of `kind` (kinds are hierarchical: `source` covers `source.fixAll.luxlint`). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** "Replace with …" actions for one diagnostic; the safe fix, when there is one, is preferred. */
export function replaceActions(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = readDiagnosticData(diagnostic.data);
  if (!data || data.context !== undefined || !isRange(diagnostic.range)) return [];
  const actions: CodeAction[] = [];
  const fix = data.fix;
  let fixUsed = false;
  for (const suggestion of data.expected) {
    // The safe fix may also change a preceding "a"/"an", so its span can start before the match.
    const isSafeFix =
      fix !== null && !fixUsed && fix.newText.toLowerCase().endsWith(suggestion.toLowerCase());
    const edit: TextEdit = isSafeFix
      ? { range: fix.range, newText: fix.newText }
      : { range: diagnostic.range, newText: suggestion };
    if (isSafeFix) fixUsed = true;
    const action: CodeAction = {
      title: suggestion === '' ? 'Remove it' : `Replace with ${codeSpan(suggestion)}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [edit] } },
    };
    if (isSafeFix) action.isPreferred = true;
    actions.push(action);
  }
  if (fix !== null && !fixUsed) {
    actions.unshift({
      title: `Replace with ${codeSpan(fix.newText)}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
    });
  }
  return actions;
}

interface CommentStyle {
  /** Matches an existing disable-next-line comment line; group 1 = indentation/prefix, 2 = ids. */
  existing: RegExp;
  make(ids: string): string;
  /** The part of a line to repeat before the comment so it stays in the same container. */
  prefix: RegExp;
}

const commentStyles: Readonly<Record<Format, CommentStyle>> = {
  markdown: {
    existing: /^([\s>]*)<!--\s*luxlint-disable-next-line\b([^>]*?)\s*-->\s*$/,
    make: (ids) => `<!-- luxlint-disable-next-line ${ids} -->`,
    prefix: /^[ \t>]*/,
  },
  html: {
    existing: /^(\s*)<!--\s*luxlint-disable-next-line\b([^>]*?)\s*-->\s*$/,
    make: (ids) => `<!-- luxlint-disable-next-line ${ids} -->`,
    prefix: /^[ \t]*/,
  },
  mdx: {
    existing: /^([\s>]*)\{\/\*\s*luxlint-disable-next-line\b(.*?)\s*\*\/\}\s*$/,
    make: (ids) => `{/* luxlint-disable-next-line ${ids} */}`,
    prefix: /^[ \t>]*/,
  },
  text: {
    existing: /^(\s*)luxlint-disable-next-line\b(.*?)\s*$/,
    make: (ids) => `luxlint-disable-next-line ${ids}`,
    prefix: /^[ \t]*/,
  },
};

/** The edit that inserts (or extends) the disable comment the CLI honours, on the line above the finding. */
export function ignoreEdit(
  document: TextDocument,
  format: Format,
  line: number,
  ruleId: string,
): TextEdit {
  const style = commentStyles[format];
  const lineText = (n: number): string =>
    document
      .getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } })
      .replace(/\r?\n$/, '');
  if (line > 0) {
    const previous = lineText(line - 1);
    const match = style.existing.exec(previous);
    if (match) {
      const ids = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
      if (!ids.includes(ruleId)) {
        const rebuilt = `${match[1] ?? ''}${style.make([...ids, ruleId].join(' '))}`;
        return {
          range: {
            start: { line: line - 1, character: 0 },
            end: { line: line - 1, character: previous.length },
          },
          newText: rebuilt,
        };
      }
    }
  }
  const current = lineText(line);
  const prefix = style.prefix.exec(current)?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${prefix}${style.make(ruleId)}${eol}`,
  };
}

export function ignoreAction(
  uri: string,
  document: TextDocument,
  format: Format,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const data = readDiagnosticData(diagnostic.data);
  if (!data || !isRange(diagnostic.range)) return undefined;
  const line = Math.min(diagnostic.range.start.line, Math.max(0, document.lineCount - 1));
  return {
    title: `Ignore ${codeSpan(data.ruleId)} here (adds a disable comment on the line above)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [ignoreEdit(document, format, line, data.ruleId)] } },
  };
}

/** Every safe fix of the findings, as non-overlapping edits. */
export function fixAllEdits(document: TextDocument, findings: readonly Finding[]): TextEdit[] {
  const fixes = findings
    .filter((finding) => finding.fix !== null && finding.context === undefined)
    .map((finding) => finding.fix!)
    .sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const fix of fixes) {
    if (fix.offset < lastEnd) continue;
    edits.push({ range: rangeOf(document, fix.offset, fix.endOffset), newText: fix.text });
    lastEnd = fix.endOffset;
  }
  return edits;
}

export function fixAllAction(
  uri: string,
  document: TextDocument,
  findings: readonly Finding[],
): CodeAction | undefined {
  const edits = fixAllEdits(document, findings);
  if (edits.length === 0) return undefined;
  return {
    title: `Apply every safe luxlint fix (${edits.length})`,
    kind: fixAllKind,
    edit: { changes: { [uri]: edits } },
  };
}

export function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === diagnosticSource;
}
