import type {
  TextDocumentContentChangeEvent,
  TextDocumentsConfiguration,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRange } from './diagnostics.js';

/** Thrown for an open or change notification that breaks the protocol; the JSON-RPC layer logs it. */
export class MalformedDocumentMessage extends Error {
  constructor(message: string) {
    super(`luxlint: ${message}`);
    this.name = 'MalformedDocumentMessage';
  }
}

function isChange(value: unknown): value is TextDocumentContentChangeEvent {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  if (typeof change['text'] !== 'string') return false;
  if (change['range'] === undefined) return change['rangeLength'] === undefined;
  return (
    isRange(change['range']) &&
    (change['rangeLength'] === undefined || typeof change['rangeLength'] === 'number')
  );
}

/**
 * TextDocument for `TextDocuments`, checked first. A malformed open is refused; a change
 * notification with one malformed part is refused whole, where TextDocument would apply the
 * parts before it, keep the old version and fire no change event, so the server would go on
 * showing the diagnostics of a text the document no longer has.
 */
export const checkedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, content) {
    const problem =
      typeof uri !== 'string'
        ? 'the URI is not a string'
        : typeof languageId !== 'string'
          ? 'the language id is not a string'
          : !Number.isInteger(version)
            ? 'the version is not an integer'
            : typeof content !== 'string'
              ? 'the text is not a string'
              : undefined;
    if (problem) throw new MalformedDocumentMessage(`refused to open ${String(uri)}: ${problem}`);
    return TextDocument.create(uri, languageId, version, content);
  },
  update(document, changes, version) {
    if (!Number.isInteger(version)) {
      throw new MalformedDocumentMessage(
        `ignored a change to ${document.uri}: the version is not an integer`,
      );
    }
    const index = changes.findIndex((change) => !isChange(change));
    if (index !== -1) {
      throw new MalformedDocumentMessage(
        `ignored a change to ${document.uri}: part ${index + 1} is neither a whole text nor a range and a text`,
      );
    }
    return TextDocument.update(document, changes, version);
  },
};
