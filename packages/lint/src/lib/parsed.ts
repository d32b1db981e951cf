import type { Block } from './pieces.js';

/** What a control comment asks for. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

/** A control comment found in a document (`<!-- luxlint-disable child-porn -->`, …). */
export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids as written; empty = every rule. */
  readonly ids: readonly string[];
  /** Offsets of the whole comment in the original file. */
  readonly start: number;
  readonly end: number;
}

/** A document reduced to what the linter needs: prose blocks, quotations and control comments. */
export interface ParsedDocument {
  readonly blocks: readonly Block[];
  readonly quoteRanges: ReadonlyArray<readonly [number, number]>;
  /** Spans where a term is discussed as a term (table cells under an "Avoid" column). */
  readonly mentionRanges: ReadonlyArray<readonly [number, number]>;
  readonly directives: readonly Directive[];
}

const directiveBody = /^\s*luxlint-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Read the text inside a comment as a directive, or undefined when it is not one. */
export function parseDirective(comment: string, start: number, end: number): Directive | undefined {
  const match = directiveBody.exec(comment);
  if (!match) return undefined;
  const ids = (match[2] ?? '').split(/[\s,]+/).filter((id) => id.length > 0);
  return { kind: match[1] as DirectiveKind, ids, start, end };
}
