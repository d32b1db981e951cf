import type { ParsedDocument } from './parsed.js';

/** What the engine tells a format's reader. */
export interface ReaderContext {
  /** Whether the caller wants only the parts that can match parsed (the fast path). */
  readonly fastPath: boolean;
  /** Whether a stretch of the raw file may hold a term or a control comment (always true off the fast path). */
  readonly mayMatch: (run: string) => boolean;
  /** Whether a table column heading marks its cells as mentions (`Avoid`). */
  readonly isMentionHeader: (header: string) => boolean;
}

/** Reads one format into prose blocks, quotation and mention ranges, and control comments. */
export type Reader = (value: string, context: ReaderContext) => ParsedDocument;
