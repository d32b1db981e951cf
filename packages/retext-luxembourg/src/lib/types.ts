import type { LanguagePack, LegalTitle, Status, Term } from '@luxlint/terms';
import type { VFile } from 'vfile';

/** The message class of `vfile` (kept as a type so `vfile-message` need not be a dependency). */
export type VFileMessage = ReturnType<VFile['message']>;

/** Configuration of the plugin (all fields optional). */
export interface Options {
  /** Which provenance tiers are active: `guidelines` (guidelines-2016/2025 only) or `all` (default). */
  preset?: 'guidelines' | 'all';
  /** Per entry id: turn it `off`, or force a severity (`caution` = info, `avoid` = warning). */
  rules?: Record<string, 'off' | 'caution' | 'avoid'>;
  /** Literal phrases (never regular expressions), case-insensitive: matches overlapping them are not reported. */
  allow?: string[];
  /** Report skipped matches (legal title, quotation, mention …) as info messages (default `false`). */
  reportSkipped?: boolean;
  /** Base of `message.url` (default `https://luxlint.dev/terms/`); the url is `baseUrl + id + '/'`. */
  baseUrl?: string;
  /** Language of the text, a BCP 47 tag (default `en`). */
  lang?: string;
}

/** Why a match was not reported as a fault. */
export type SkipContext =
  'legal-title' | 'quotation' | 'mention' | 'adult' | 'preferred' | 'allowed';

/** A safe replacement: replace `[offset, endOffset)` of the original file with `text`. */
export interface Fix {
  readonly offset: number;
  readonly endOffset: number;
  readonly text: string;
}

/** The extra fields retext-luxembourg sets on each `VFileMessage`. */
export interface LuxembourgMessageFields {
  /** Status after option overrides. */
  status: 'avoid' | 'caution';
  /** Present only on reported skips (`reportSkipped: true`). */
  context?: SkipContext;
  /** Safe replacement, or `null`. */
  fix: Fix | null;
}

/** A message emitted by retext-luxembourg. */
export type LuxembourgMessage = VFileMessage & LuxembourgMessageFields;

/** The data the engine runs on; tests and other languages can pass their own. */
export interface Dataset {
  readonly terms: readonly Term[];
  readonly legalTitles: readonly LegalTitle[];
  readonly languagePacks: Readonly<Record<string, LanguagePack>>;
}

/** Status of an enabled, reportable entry. */
export type ReportStatus = Exclude<Status, 'use'>;

/** Character offsets `[start, end)` of a block quotation in the original file. */
export type QuoteRange = readonly [number, number];

declare module 'vfile' {
  interface DataMap {
    /**
     * Offsets `[start, end)` into the original file of block quotations (Markdown `>`,
     * HTML `<blockquote>`/`<q>`), set by the host (e.g. `@luxlint/lint`) because the plugin
     * only sees natural-language nodes. Matches inside are treated as quotations.
     */
    luxembourgQuoteRanges: ReadonlyArray<QuoteRange>;
    /**
     * Offsets `[start, end)` into the original file where the host knows the text talks about
     * words rather than using them — e.g. GFM table cells under a column headed “Avoid”,
     * “Instead of” or “Don't say”, which only the host can see (the plugin gets each cell as a
     * separate paragraph). Matches inside are treated as mentions.
     */
    luxembourgMentionRanges: ReadonlyArray<QuoteRange>;
    /**
     * Set by a host that checks one file in several trees (to bound memory): `true` while more
     * trees of the file follow, `false` (or absent) for the last one. The last paragraph of a
     * tree with more to come is checked with the next tree, which may continue it.
     */
    luxembourgMore: boolean;
    /** The plugin's own state between two trees of one file (see `luxembourgMore`); opaque. */
    luxembourgCarried: unknown;
  }
}
