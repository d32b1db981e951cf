/**
 * Runs @luxlint/lint off the main thread, so a long paste never freezes the page. Messages are
 * sent back as plain objects: a VFileMessage is an Error, which structured cloning would strip.
 */
import { applyFixes, lint } from '@luxlint/lint';
import type { Finding, LintRequest, LintResponse } from './checker-types';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

scope.onmessage = ({ data: { id, value, options } }) => {
  try {
    const file = lint(value, options);
    const findings = file.messages.map((message): Finding => {
      const extra = message as unknown as Pick<Finding, 'status' | 'context'>;
      return {
        reason: message.reason,
        ruleId: message.ruleId ?? '',
        actual: message.actual ?? '',
        expected: message.expected ?? [],
        url: message.url ?? '',
        start: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
        end: message.place && 'end' in message.place ? (message.place.end.offset ?? 0) : 0,
        line: message.line ?? 0,
        column: message.column ?? 0,
        ...(extra.status ? { status: extra.status } : {}),
        ...(extra.context ? { context: extra.context } : {}),
      };
    });
    scope.postMessage({ id, ok: true, findings, fixed: applyFixes(value, file.messages) });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
