import {
  DiagnosticSeverity,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isEntryFinding, type Finding } from './findings.js';
import type { EditorSettings, SeverityName } from './settings.js';

export const diagnosticSource = 'luxlint';

const severityByName: Readonly<Record<SeverityName, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data` so code actions need no second lint. */
export interface DiagnosticData {
  ruleId: string;
  status: 'avoid' | 'caution' | undefined;
  actual: string | undefined;
  expected: string[];
  context: string | undefined;
  /** The safe fix as an edit of the document version the diagnostic was computed for. */
  fix: { range: Range; newText: string } | null;
}

export function severityOf(finding: Finding, settings: EditorSettings): DiagnosticSeverity {
  // A reported skip (legal title, quotation …) is never a fault, whatever the entry's status.
  if (finding.context !== undefined) return DiagnosticSeverity.Information;
  if (finding.status) return severityByName[settings.severity[finding.status]];
  if (finding.fatal === true) return DiagnosticSeverity.Error;
  return finding.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function rangeOf(document: TextDocument, offset: number, endOffset: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(endOffset) };
}

export function toDiagnostic(
  finding: Finding,
  document: TextDocument,
  settings: EditorSettings,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.offset, finding.endOffset),
    severity: severityOf(finding, settings),
    source: diagnosticSource,
    message: finding.reason,
  };
  if (finding.ruleId !== undefined) diagnostic.code = finding.ruleId;
  if (finding.ruleId !== undefined && isEntryFinding(finding)) {
    const data: DiagnosticData = {
      ruleId: finding.ruleId,
      status: finding.status,
      actual: finding.actual,
      expected: finding.expected,
      context: finding.context,
      fix: finding.fix
        ? {
            range: rangeOf(document, finding.fix.offset, finding.fix.endOffset),
            newText: finding.fix.text,
          }
        : null,
    };
    diagnostic.data = data;
  }
  if (finding.url !== undefined && isHttpUrl(finding.url))
    diagnostic.codeDescription = { href: finding.url };
  return diagnostic;
}

export function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const position = value as Record<string, unknown>;
  return Number.isInteger(position['line']) && Number.isInteger(position['character']);
}

export function isRange(value: unknown): value is Range {
  if (typeof value !== 'object' || value === null) return false;
  const range = value as Record<string, unknown>;
  return isPosition(range['start']) && isPosition(range['end']);
}

/** `data` comes back from the client, so it is checked before use. */
export function readDiagnosticData(value: unknown): DiagnosticData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  if (typeof data['ruleId'] !== 'string') return undefined;
  const expected = Array.isArray(data['expected'])
    ? data['expected'].filter((item): item is string => typeof item === 'string')
    : [];
  const rawFix = data['fix'];
  let fix: DiagnosticData['fix'] = null;
  if (typeof rawFix === 'object' && rawFix !== null) {
    const candidate = rawFix as Record<string, unknown>;
    if (isRange(candidate['range']) && typeof candidate['newText'] === 'string') {
      fix = { range: candidate['range'], newText: candidate['newText'] };
    }
  }
  const status = data['status'];
  return {
    ruleId: data['ruleId'],
    status: status === 'avoid' || status === 'caution' ? status : undefined,
    actual: typeof data['actual'] === 'string' ? data['actual'] : undefined,
    expected,
    context: typeof data['context'] === 'string' ? data['context'] : undefined,
    fix,
  };
}
