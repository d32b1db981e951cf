import type { Compiled } from './compile.js';
import { walk, type Span } from './match.js';
import { trieDepth, type TrieNode } from './trie.js';
import { hyphens } from './text.js';
import type { Document, Token, Word } from './tokens.js';
import type { QuoteRange, SkipContext } from './types.js';

/** Characters that may stand between a cue and the match it introduces (space, hyphen, opening quotes, an appositive comma or a colon). */
const openingMarks = /^[\s\-\u2010\u2011"'“‘«„([*_,:]*$/u;
/** Characters that may stand between two items of a list of mentioned terms. */
const listMarks = /^[\s"'“”‘’«»,]*$/u;

interface TitleRun {
  readonly first: number;
  readonly last: number;
  readonly hasCue: boolean;
  /** Word ranges `[first, last]` of the title cues in the run. */
  readonly cues: readonly (readonly [number, number])[];
  /** The run holds a tail opener after its cue (`… Rapporteur on the Sale of Children`). */
  readonly opensTail: boolean;
  /** How many capitalised words of the run are names (not numbers, articles or connectors). */
  readonly named: number;
  /** Every word of the run is in capitals (a shouted headline): capitals then say nothing. */
  readonly allCaps: boolean;
}

/**
 * Context rules for the words of one paragraph, computed lazily: most paragraphs have no match
 * and pay nothing.
 */
export class ParagraphContext {
  private readonly document: Document;
  private readonly compiled: Compiled;
  private readonly from: number;
  private readonly to: number;
  private readonly quoteRanges: readonly QuoteRange[];
  private readonly mentionRanges: readonly QuoteRange[];
  private quotes: Containment | undefined;
  private allowedCoverage: Coverage<Span> | undefined;
  private runsCache: TitleRun[] | undefined;
  /** For each word, the run that holds it (index into `runsCache`), or -1. */
  private runAt: Int32Array | undefined;
  /** For each word of a run, where the capitalised words of the run up to it begin. */
  private capitalisedFrom: Int32Array | undefined;
  private tailCoverage: Coverage<TitleRun> | undefined;
  /** Decided mentions, by first word, and the last words of those that are mentions. */
  private readonly mentions = new Map<number, boolean>();
  private readonly mentionEnds = new Set<number>();

  constructor(
    document: Document,
    compiled: Compiled,
    from: number,
    to: number,
    quoteRanges: readonly QuoteRange[],
    mentionRanges: readonly QuoteRange[] = [],
  ) {
    this.mentionRanges = mentionRanges;
    this.document = document;
    this.compiled = compiled;
    this.from = from;
    this.to = to;
    this.quoteRanges = quoteRanges;
  }

  /** Spans covering each word of the paragraph, so that each query looks at a few spans only. */
  private cover<T>(
    items: readonly T[],
    wordsOf: (item: T) => readonly [number, number] | undefined,
  ): Coverage<T> {
    const coverage = new Coverage<T>(this.from, this.to);
    for (const item of items) {
      const range = wordsOf(item);
      if (range) coverage.add(range[0], range[1], item);
    }
    return coverage;
  }

  /** The reason a match is not a fault, or `undefined` when it is one. */
  skipReason(span: Span, nearChild = false): SkipContext | undefined {
    if (this.isAllowed(span)) return 'allowed';
    if (this.isPreferred(span)) return 'preferred';
    if (this.isLegalTitle(span)) return 'legal-title';
    if (this.isMention(span)) return 'mention';
    if (this.isQuotation(span)) return 'quotation';
    if (this.isAdult(span, nearChild)) return 'adult';
    return undefined;
  }

  /**
   * Whether a child is indicated close to `span`: a child word or an age below the pack's limit
   * within `childWindow` words on either side, in the same clause (not across a sentence, `;`,
   * `:`, a dash or a bracket), so a child mentioned in another clause does not count.
   */
  indicatesChild(span: Span): boolean {
    const words = this.document.words;
    let first = span.first;
    // A hyphenated compound (`13-year-old`) counts as one word, up to `maximumCompoundJoins`
    // hyphens: past that, each part counts, so the window stays a few words long.
    for (let count = 0, joins = 0; count < childWindow && first > this.from;) {
      const before = words[first - 1] as Word;
      if (before.join === 'barrier' || clauseBoundary.test(before.separator)) break;
      if (before.sentence !== (words[first] as Word).sentence) break;
      first--;
      if (!hyphens.has(before.separator)) {
        count++;
        joins = 0;
      } else if (++joins > maximumCompoundJoins) count++;
    }
    let last = span.last;
    for (let count = 0, joins = 0; count < childWindow && last + 1 < this.to;) {
      const current = words[last] as Word;
      if (current.join === 'barrier' || clauseBoundary.test(current.separator)) break;
      if (current.sentence !== (words[last + 1] as Word).sentence) break;
      last++;
      if (!hyphens.has(current.separator)) {
        count++;
        joins = 0;
      } else if (++joins > maximumCompoundJoins) count++;
    }
    for (
      let joins = 0;
      joins < maximumCompoundJoins &&
      first > this.from &&
      hyphens.has((words[first - 1] as Word).separator);
      joins++
    )
      first--;
    for (
      let joins = 0;
      joins < maximumCompoundJoins &&
      last + 1 < this.to &&
      hyphens.has((words[last] as Word).separator);
      joins++
    )
      last++;
    for (let index = first; index <= last; index++) {
      const word = words[index] as Word;
      if (this.compiled.childWords.has(word.folded)) return true;
      for (const expression of this.compiled.ageExpressions) {
        if (this.ageAt(index, last, expression)) return true;
      }
    }
    return false;
  }

  /**
   * A consent-implying match that holds a consent word denied by a negation shortly before it in
   * the same clause (`a child cannot consent to sex`, `no child can be a willing participant`):
   * the sentence states the opposite of what the phrasing implies.
   */
  isNegatedConsent(span: Span): boolean {
    const words = this.document.words;
    const { consentWords, negations } = this.compiled;
    let consent = false;
    for (let index = span.first; index <= span.last; index++) {
      if (consentWords.has((words[index] as Word).folded)) consent = true;
    }
    if (!consent) return false;
    let index = span.first;
    for (let count = 0; count < negationWindow && index > this.from; count++) {
      const before = words[index - 1] as Word;
      if (before.join === 'barrier' || clauseBoundary.test(before.separator)) return false;
      if (/[,]/u.test(before.separator)) return false;
      index--;
      for (const negation of negations) {
        if (index + negation.length - 1 < span.first && this.wordsJoined(index, negation))
          return true;
      }
    }
    return false;
  }

  /** Whether `expected` are the words from `start` on, joined by spaces, hyphens or an apostrophe (`can't`). */
  private wordsJoined(start: number, expected: readonly string[]): boolean {
    const words = this.document.words;
    for (const [offset, value] of expected.entries()) {
      const word = words[start + offset] as Word | undefined;
      if (!word || word.folded !== value) return false;
      if (offset < expected.length - 1 && word.join !== 'flex' && word.join !== 'apostrophe')
        return false;
    }
    return true;
  }

  private ageAt(index: number, last: number, expression: readonly string[]): boolean {
    const words = this.document.words;
    if (index + expression.length - 1 > last) return false;
    for (const [offset, expected] of expression.entries()) {
      const word = words[index + offset] as Word;
      if (offset > 0 && (words[index + offset - 1] as Word).join === 'barrier') return false;
      if (expected === '#' || expected === '<#') {
        const age = /^\d{1,3}$/u.test(word.value)
          ? Number(word.value)
          : this.compiled.numberWords.get(word.folded);
        if (age === undefined || age <= 0) return false;
        // An age below the limit, or an upper bound (`under 16`) no higher than it.
        if (
          expected === '#' ? age >= this.compiled.childAgeBelow : age > this.compiled.childAgeBelow
        )
          return false;
      } else if (word.folded !== expected) {
        return false;
      }
    }
    return true;
  }

  private isAllowed(span: Span): boolean {
    if (this.compiled.allow.length === 0) return false;
    this.allowedCoverage ??= this.cover(this.findAllowed(), (other) => [other.first, other.last]);
    return this.allowedCoverage.some(span.first, span.last, (other) => overlaps(other, span));
  }

  private findAllowed(): Span[] {
    const words = this.document.words;
    const spans: Span[] = [];
    for (const phrase of this.compiled.allow) {
      for (let first = this.from; first + phrase.length <= this.to; first++) {
        let matched = true;
        for (const [offset, expected] of phrase.entries()) {
          const word = words[first + offset] as Word;
          if (
            word.folded !== expected ||
            (offset > 0 && (words[first + offset - 1] as Word).join === 'barrier')
          ) {
            matched = false;
            break;
          }
        }
        if (matched) {
          const last = first + phrase.length - 1;
          spans.push({
            first,
            last,
            start: (words[first] as Word).start,
            end: (words[last] as Word).end,
          });
        }
      }
    }
    return spans;
  }

  private isPreferred(span: Span): boolean {
    const words = this.document.words;
    const root = this.compiled.preferred;
    // Only occurrences overlapping the match count, and one begins at most this many words
    // before it (each step of a walk reads a word, or a hyphenated pair read as one).
    const reach = 2 * trieDepth(root);
    let saved = false;
    for (let first = Math.max(this.from, span.first - reach + 1); first <= span.last; first++) {
      walk(words, first, root, false, (last) => {
        // A preferred phrase inside a longer discouraged one (`sex worker` in `child sex
        // worker`) does not save it.
        if (
          last < this.to &&
          last >= span.first &&
          (first < span.first || last > span.last || (first === span.first && last === span.last))
        )
          saved = true;
      });
      if (saved) return true;
    }
    return false;
  }

  private isLegalTitle(span: Span): boolean {
    if (this.inLooseTitle(span)) return true;

    const words = this.document.words;
    const runs = (this.runsCache ??= this.findRuns());
    if (!this.runAt) {
      this.runAt = new Int32Array(this.to - this.from).fill(-1);
      this.capitalisedFrom = new Int32Array(this.to - this.from);
      for (const [index, run] of runs.entries()) {
        this.runAt.fill(index, run.first - this.from, run.last - this.from + 1);
        for (let at = run.first; at <= run.last; at++) {
          this.capitalisedFrom[at - this.from] =
            at > run.first && (words[at - 1] as Word).capitalised
              ? (this.capitalisedFrom[at - 1 - this.from] ?? at)
              : at;
        }
      }
      this.tailCoverage = this.cover(
        runs.filter((run) => this.isCueRun(run)),
        (run) => {
          const tailEnd = this.tailEnd(run);
          return tailEnd === undefined ? undefined : [run.first, tailEnd];
        },
      );
    }
    const inTail = this.tailCoverage?.some(span.first, span.first, (run) => {
      const tailEnd = this.tailEnd(run);
      return tailEnd !== undefined && span.last <= tailEnd;
    });
    if (inTail) return true;

    if (this.afterLowercaseCue(span) || this.hasSubtitle(span)) return true;

    const run = runs[this.runAt[span.first - this.from] ?? -1];
    if (!run || span.last > run.last) return false;
    for (let index = span.first; index <= span.last; index++) {
      if (!(words[index] as Word).capitalised) return false;
    }
    if (this.isCueRun(run)) return this.cueNames(run, span);
    return !run.allCaps && this.isProperName(run, span);
  }

  /**
   * Whether a title (punctuation between its words ignored, see `findLooseOccurrences`) holds
   * the first word of the match and ends no earlier than it. Such a title begins at most the
   * titles' longest path before that word, so only those starts are walked.
   */
  private inLooseTitle(span: Span): boolean {
    const words = this.document.words;
    const root = this.compiled.titles;
    const start = Math.max(this.from, span.first - trieDepth(root) + 1);
    for (let first = start; first <= span.first; first++) {
      let node: TrieNode<true> | undefined = root;
      for (let index = first; index < this.to; index++) {
        const word = words[index] as Word;
        node = node.flex?.get(word.folded);
        if (!node) break;
        if (node.ends && index >= span.last) return true;
        if (word.join === 'barrier') break;
      }
    }
    return false;
  }

  /**
   * The lower-case subject of a mandate written in lower case (`the special rapporteur on the
   * sale of children, child prostitution and child pornography`): a lower-case cue from the
   * pack, a tail opener, then only words found in titles, forms and preferred terms.
   */
  private afterLowercaseCue(span: Span): boolean {
    const words = this.document.words;
    const { lowercaseTitleCues, titleTailOpeners, titleVocabulary } = this.compiled;
    if (lowercaseTitleCues.length === 0) return false;
    const sentence = (words[span.first] as Word).sentence;
    const limit = Math.max(this.from, span.first - maximumTitleGap);
    for (let opener = span.first - 1; opener > limit; opener--) {
      const word = words[opener] as Word;
      if (word.sentence !== sentence || !this.continuesTitle(word)) return false;
      if (titleTailOpeners.has(word.folded)) {
        for (const cue of lowercaseTitleCues) {
          const start = opener - cue.length;
          if (
            start >= this.from &&
            this.wordsAre(start, cue) &&
            (words[opener - 1] as Word).join === 'flex'
          )
            return true;
        }
      }
      if (!(titleVocabulary.has(word.folded) || word.numeric)) return false;
    }
    return false;
  }

  /**
   * A Title Case match in mid-sentence followed by a colon and a Title Case subtitle (`the 1985
   * book Kiddie Porn: The Hidden Trade`): the title of a book or report.
   */
  private hasSubtitle(span: Span): boolean {
    const words = this.document.words;
    if (this.opensSentence(span.first) || span.last + 2 >= this.to) return false;
    for (let index = span.first; index <= span.last; index++) {
      if (!(words[index] as Word).capitalised) return false;
    }
    if (this.allCaps(span.first, span.last)) return false;
    const last = words[span.last] as Word;
    if (last.join !== 'other' || !/^\s*:\s*$/u.test(last.separator)) return false;
    const first = words[span.last + 1] as Word;
    const second = words[span.last + 2] as Word;
    return first.capitalised && first.join === 'flex' && second.capitalised;
  }

  /** A run with a title cue, except a lone cue word opening a sentence (`Part of the …`, `Rules on …`). */
  private isCueRun(run: TitleRun): boolean {
    return run.hasCue && !(run.first === run.last && this.opensSentence(run.first));
  }

  /**
   * A Title Case run in mid-sentence that names something larger than the match (`ECPAT began
   * as End Child Prostitution in Asian Tourism`). A run that opens a sentence or a heading
   * (`Child Pornography Cases Rise`) is no evidence of a name, nor is a run of the match alone.
   */
  private isProperName(run: TitleRun, span: Span): boolean {
    // Where the capitalised words around the match begin (`Volunteers of Stop Child Pornography`
    // begins at `Stop`): that word must not open a sentence.
    // (Looked up, not walked back: a run may be thousands of words long.)
    const start = this.capitalisedFrom?.[span.first - this.from] ?? span.first;
    if (this.opensSentence(start)) return false;
    let inSpan = 0;
    for (let index = span.first; index <= span.last; index++) if (this.isNamedWord(index)) inSpan++;
    return run.named >= 3 && run.named - inSpan >= 1;
  }

  /** Whether words `first..last` are all written in capitals (numbers aside). */
  private allCaps(first: number, last: number): boolean {
    const words = this.document.words;
    for (let index = first; index <= last; index++) {
      const word = words[index] as Word;
      if (!word.numeric && word.value !== word.value.toUpperCase()) return false;
    }
    return true;
  }

  /** A capitalised word that is neither a number, an article nor a connector. */
  private isNamedWord(index: number): boolean {
    const word = this.document.words[index] as Word;
    const { articleWords, titleConnectors } = this.compiled;
    return (
      word.capitalised &&
      !word.numeric &&
      !articleWords.has(word.folded) &&
      !titleConnectors.has(word.folded)
    );
  }

  /** Title Case runs (`Child Pornography Prevention Act`, `Special Rapporteur on the Sale of Children`). */
  private findRuns(): TitleRun[] {
    const words = this.document.words;
    const { titleCues, titleConnectors, titleTailOpeners } = this.compiled;
    const runs: TitleRun[] = [];
    let index = this.from;
    while (index < this.to) {
      const start = words[index] as Word;
      if (!start.capitalised || start.inUrl) {
        index++;
        continue;
      }
      let lastCapitalised = index;
      let cursor = index;
      while (cursor + 1 < this.to) {
        const current = words[cursor] as Word;
        const next = words[cursor + 1] as Word;
        const joinable =
          current.join === 'flex' ||
          current.join === 'apostrophe' ||
          (current.join === 'other' && /^\s*[,/&]\s*$/u.test(current.separator));
        if (!joinable || next.inUrl) break;
        if (next.capitalised) {
          lastCapitalised = cursor + 1;
          cursor++;
        } else if (titleConnectors.has(next.folded) && current.join === 'flex') {
          cursor++;
        } else {
          break;
        }
      }
      const cues: [number, number][] = [];
      let opensTail = false;
      for (let at = index; at <= lastCapitalised; at++) {
        const word = words[at] as Word;
        const cueLength = word.capitalised ? this.cueAt(at, lastCapitalised, titleCues) : 0;
        if (cueLength > 0) cues.push([at, at + cueLength - 1]);
        else if (cues.length > 0 && titleTailOpeners.has(word.folded)) opensTail = true;
      }
      let named = 0;
      for (let at = index; at <= lastCapitalised; at++) if (this.isNamedWord(at)) named++;
      runs.push({
        first: index,
        last: lastCapitalised,
        hasCue: cues.length > 0,
        cues,
        opensTail,
        named,
        allCaps: this.allCaps(index, lastCapitalised),
      });
      index = lastCapitalised + 1;
    }
    return runs;
  }

  /** Whether word `index` opens a sentence, a heading or a cell. */
  private opensSentence(index: number): boolean {
    if (index === this.from) return true;
    const words = this.document.words;
    const before = words[index - 1] as Word;
    return (
      before.sentence !== (words[index] as Word).sentence ||
      before.join === 'barrier' ||
      /[.!?:;]/u.test(before.separator)
    );
  }

  /** The length in words of a title cue (one or more capitalised words) starting at `at`, or 0. */
  private cueAt(at: number, last: number, cues: readonly (readonly string[])[]): number {
    const words = this.document.words;
    // Only the cues that begin with this word, in their order (the first that fits wins).
    for (const cue of cuesByFirstWord(cues).get((words[at] as Word).folded) ?? []) {
      if (at + cue.length - 1 > last) continue;
      let matched = true;
      for (const [offset, expected] of cue.entries()) {
        const word = words[at + offset] as Word;
        if (word.folded !== expected || !word.capitalised) {
          matched = false;
          break;
        }
      }
      if (matched) return cue.length;
    }
    return 0;
  }

  /**
   * Whether a cue of `run` names the match: the match follows the cue through an opener and
   * title words (`Coalition Against Child Pornography`, `Protocol on the Sale of Children, Child
   * Prostitution and …`), or precedes the cue through at most three capitalised words (`Child
   * Pornography Prevention Act`). A headline (`New Law Targets Child Pornography`) does neither.
   */
  private cueNames(run: TitleRun, span: Span): boolean {
    const words = this.document.words;
    const { titleTailOpeners, titleConnectors, titleVocabulary } = this.compiled;
    // Only cues near the match can name it; the cues are in text order.
    let low = 0;
    let high = run.cues.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((run.cues[middle]?.[1] ?? 0) < span.first - maximumTitleGap) low = middle + 1;
      else high = middle;
    }
    for (let cueIndex = low; cueIndex < run.cues.length; cueIndex++) {
      const [cueFirst, cueLast] = run.cues[cueIndex] as readonly [number, number];
      if (cueFirst > span.last + 4) break;
      if (cueLast < span.first && span.first - cueLast <= maximumTitleGap) {
        const opener = words[cueLast + 1] as Word;
        if (!titleTailOpeners.has(opener.folded)) continue;
        let titleWords = true;
        for (let index = cueLast + 1; index < span.first; index++) {
          const word = words[index] as Word;
          if (!(
            word.numeric ||
            titleConnectors.has(word.folded) ||
            titleVocabulary.has(word.folded)
          )) {
            titleWords = false;
            break;
          }
        }
        if (titleWords) return true;
      } else if (!run.allCaps && cueFirst > span.last && cueFirst - span.last - 1 <= 4) {
        // At most three capitalised words between the match and the cue; connectors between
        // them (`the Child Pornography and Obscenity Squad`) only in mid-sentence, where a
        // heading (`Child Pornography and the Law`) cannot be meant.
        let capitalisedWords = 0;
        let connectors = 0;
        let fits = true;
        for (let index = span.last + 1; index < cueFirst; index++) {
          const word = words[index] as Word;
          if (titleConnectors.has(word.folded) && !word.capitalised) connectors++;
          else if (word.capitalised && !titleConnectors.has(word.folded)) capitalisedWords++;
          else fits = false;
        }
        const beforeCue = words[cueFirst - 1] as Word;
        if (
          fits &&
          capitalisedWords <= 3 &&
          (connectors === 0 ||
            (!this.opensSentence(span.first) &&
              capitalisedWords > 0 &&
              !titleConnectors.has(beforeCue.folded)))
        )
          return true;
      } else if (cueFirst <= span.first && span.last <= cueLast) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the lower-case subject of a cued title ends (`Rapporteur on the sale of children, child
   * prostitution and child pornography`), or `undefined` when the run opens none. The subject may
   * only be made of words found in titles, forms and preferred terms, so `the Rapporteur on
   * trafficking said that child pornography…` stops at `said`.
   */
  private readonly tailEnds = new Map<TitleRun, number | undefined>();

  private tailEnd(run: TitleRun): number | undefined {
    if (this.tailEnds.has(run)) return this.tailEnds.get(run);
    const end = this.computeTailEnd(run);
    this.tailEnds.set(run, end);
    return end;
  }

  private computeTailEnd(run: TitleRun): number | undefined {
    const words = this.document.words;
    const { titleTailOpeners, titleVocabulary } = this.compiled;
    const last = words[run.last] as Word;
    if (run.last + 1 >= this.to || !this.continuesTitle(last)) return undefined;
    const next = words[run.last + 1] as Word;
    let cursor: number;
    if (titleTailOpeners.has(next.folded) && last.join === 'flex') cursor = run.last + 1;
    // A Title Case subject continued in lower case as a list (`… on the Sale of Children, child
    // prostitution …`), not any following phrase (`the Court of Appeal in child … cases`).
    else if (
      run.opensTail &&
      titleVocabulary.has(next.folded) &&
      ((last.join === 'other' && /^\s*,\s*$/u.test(last.separator)) ||
        this.compiled.listJoiners.has(next.folded))
    )
      cursor = run.last + 1;
    else return undefined;
    const limit = Math.min(this.to, run.last + 1 + maximumTitleGap);
    while (cursor + 1 < limit) {
      const current = words[cursor] as Word;
      const following = words[cursor + 1] as Word;
      if (!this.continuesTitle(current) || following.inUrl) break;
      if (!(titleVocabulary.has(following.folded) || following.capitalised)) break;
      cursor++;
    }
    return cursor;
  }

  private continuesTitle(word: Word): boolean {
    return (
      word.join === 'flex' ||
      word.join === 'apostrophe' ||
      (word.join === 'other' && /^\s*[,/]\s*$/u.test(word.separator))
    );
  }

  private isMention(span: Span): boolean {
    const known = this.mentions.get(span.first);
    if (known !== undefined) return known;
    const mention = this.computeMention(span);
    this.mentions.set(span.first, mention);
    if (mention) this.mentionEnds.add(span.last);
    return mention;
  }

  private computeMention(span: Span): boolean {
    const words = this.document.words;
    if (insideAny(this.mentionRanges, span)) return true;
    if (this.beforeWordingPlace(span)) return true;
    if (span.first === this.from) return false;
    const before = words[span.first - 1] as Word;
    if (before.join === 'barrier' || !openingMarks.test(before.separator)) {
      return this.continuesMentionList(span);
    }
    if (this.precededBy(span.first, this.compiled.mentionCues, true)) return true;
    if (this.precededBy(span.first, this.compiled.namingCues)) return true;
    if (this.afterWordingVerb(span)) return true;
    return this.continuesMentionList(span);
  }

  /**
   * A wording verb right before a match followed by a wording follower (`replace X with Y`,
   * `say X when you mean Y`): the words are talked about. Without one it stays a use (`our
   * report uses X.`, `officials say X is rising`).
   */
  private afterWordingVerb(span: Span): boolean {
    const words = this.document.words;
    const before = words[span.first - 1] as Word;
    if (before.join !== 'flex' || !this.compiled.wordingVerbs.has(before.folded)) return false;
    const last = words[span.last] as Word;
    if (span.last + 1 >= this.to) return false;
    const next = words[span.last + 1] as Word;
    return last.join === 'flex' && this.compiled.wordingFollowers.has(next.folded);
  }

  /** A match followed by a preposition and, within a few words, a place in a text (`had X in the headline`). */
  private beforeWordingPlace(span: Span): boolean {
    const words = this.document.words;
    const { wordingPlacePrepositions, wordingPlaces } = this.compiled;
    let index = span.last;
    if (index + 1 >= this.to || (words[index] as Word).join !== 'flex') return false;
    index++;
    if (!wordingPlacePrepositions.has((words[index] as Word).folded)) return false;
    for (let count = 0; count < wordingPlaceWindow && index + 1 < this.to; count++) {
      if ((words[index] as Word).join !== 'flex') return false;
      index++;
      if (wordingPlaces.has((words[index] as Word).folded)) return true;
    }
    return false;
  }

  /** `the terms "child prostitute" and "child pornography"`: a later item of a list of mentioned terms. */
  private continuesMentionList(span: Span): boolean {
    const words = this.document.words;
    if (span.first === this.from) return false;
    const before = words[span.first - 1] as Word;
    let previousEnd: number;
    if (this.compiled.listJoiners.has(before.folded) && listMarks.test(before.separator)) {
      previousEnd = span.first - 2;
      if (previousEnd < this.from || !listMarks.test((words[previousEnd] as Word).separator))
        return false;
    } else if (listMarks.test(before.separator) && before.separator.includes(',')) {
      previousEnd = span.first - 1;
    } else {
      return false;
    }
    return this.mentionEnds.has(previousEnd);
  }

  /**
   * Whether the words right before `first` are one of `cues` (joined by spaces or hyphens).
   * With `modifiers`, a cue that opens with an article may have up to three modifiers after it
   * (`the older term`, `the outdated and harmful term`).
   */
  private precededBy(
    first: number,
    cues: readonly (readonly string[])[],
    modifiers = false,
  ): boolean {
    const words = this.document.words;
    for (const cue of cues) {
      const opensWithArticle =
        modifiers && cue.length > 1 && this.compiled.articleWords.has(cue[0] ?? '');
      const contiguous = opensWithArticle ? cue.slice(1) : cue;
      const start = first - contiguous.length;
      if (start < this.from || !this.wordsAre(start, contiguous)) continue;
      if (!opensWithArticle) return true;
      // `the long-term …` is a compound, not a modified cue.
      const modified = start > this.from ? (words[start - 1] as Word) : undefined;
      if (modified && modified.folded !== cue[0] && hyphens.has(modified.separator)) continue;
      for (let gap = 1; gap <= 4 && start - gap >= this.from; gap++) {
        const candidate = words[start - gap] as Word;
        if (
          candidate.join !== 'flex' &&
          !(candidate.join === 'other' && /^\s*,\s*$/u.test(candidate.separator))
        )
          break;
        if (candidate.folded === cue[0]) return true;
      }
    }
    return false;
  }

  /** Whether `expected` are the words from `start` on, joined by spaces or hyphens. */
  private wordsAre(start: number, expected: readonly string[]): boolean {
    const words = this.document.words;
    for (const [offset, value] of expected.entries()) {
      const word = words[start + offset] as Word;
      if (word.folded !== value || (offset < expected.length - 1 && word.join !== 'flex'))
        return false;
    }
    return true;
  }

  /**
   * An adult cue right before the match (`adult pornography`, `adult sex workers`). For a
   * consent-implying form in a sentence about a child, a cue after an article is the subject,
   * not a modifier (`the adult had sex with a 15-year-old`), and does not count.
   */
  private isAdult(span: Span, nearChild: boolean): boolean {
    if (nearChild && this.adultAfter(span)) return true;
    if (span.first === this.from) return false;
    const words = this.document.words;
    const before = words[span.first - 1] as Word;
    if (before.join !== 'flex') return false;
    for (const cue of this.compiled.adultCues) {
      if (!this.precededBy(span.first, [cue])) continue;
      const start = span.first - cue.length;
      const article = start > this.from ? (words[start - 1] as Word) : undefined;
      if (nearChild && article?.join === 'flex' && this.compiled.articleWords.has(article.folded))
        continue;
      return true;
    }
    return false;
  }

  /**
   * A one-word adult cue among the few words after a consent-implying match, in its clause
   * (`sexting between consenting partners`, `had sex with an adult colleague`).
   */
  private adultAfter(span: Span): boolean {
    const words = this.document.words;
    const single = this.compiled.adultWords;
    let index = span.last;
    for (let count = 0; count < adultWindow && index + 1 < this.to; count++) {
      const current = words[index] as Word;
      if (current.join === 'barrier' || clauseBoundary.test(current.separator)) return false;
      if (/[,.!?]/u.test(current.separator)) return false;
      index++;
      if (single.has((words[index] as Word).folded)) return true;
    }
    return false;
  }

  private isQuotation(span: Span): boolean {
    if (insideAny(this.quoteRanges, span)) return true;
    this.quotes ??= new Containment(this.findQuotes());
    return this.quotes.contains(span.start, span.end);
  }

  /** Spans of text between quotation marks in this paragraph. */
  private findQuotes(): QuoteRange[] {
    const { tokens, words } = this.document;
    const firstToken = (words[this.from] as Word).token;
    const lastToken = (words[this.to - 1] as Word).token;
    const paragraph = (words[this.from] as Word).paragraph;
    let begin = firstToken;
    while (begin > 0 && (tokens[begin - 1] as Token).paragraph === paragraph) begin--;
    let finish = lastToken;
    while (finish + 1 < tokens.length && (tokens[finish + 1] as Token).paragraph === paragraph)
      finish++;

    // Word tokens are letters, digits and marks only: the marks are in the other tokens.
    let marks = false;
    for (let index = begin; index <= finish && !marks; index++) {
      const token = tokens[index] as Token;
      marks =
        (token.kind === 'punctuation' || token.kind === 'symbol') &&
        quotationMark.test(token.value);
    }
    if (!marks) return [];

    const characters: string[] = [];
    const offsets: number[] = [];
    for (let index = begin; index <= finish; index++) {
      const token = tokens[index] as Token;
      if (token.kind === 'barrier') continue;
      let at = 0;
      for (const character of token.value) {
        characters.push(character);
        offsets.push(token.start + at);
        at += character.length;
      }
    }
    return quoteSpans(characters, offsets);
  }
}

const cueIndexes = new WeakMap<
  readonly (readonly string[])[],
  Map<string, (readonly string[])[]>
>();

/** Cues grouped by their first word, each group in the cues' order. */
function cuesByFirstWord(
  cues: readonly (readonly string[])[],
): ReadonlyMap<string, readonly (readonly string[])[]> {
  let index = cueIndexes.get(cues);
  if (!index) {
    index = new Map();
    for (const cue of cues) {
      const first = cue[0];
      if (first === undefined) continue;
      let group = index.get(first);
      if (!group) index.set(first, (group = []));
      group.push(cue);
    }
    cueIndexes.set(cues, index);
  }
  return index;
}

/** Quotation marks `quoteSpans` pairs; a paragraph without one has no quotation. */
const quotationMark = /["'\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB]/u;

function overlaps(a: Span, b: Span): boolean {
  return a.first <= b.last && b.first <= a.last;
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const space = /\s/u;

/**
 * Pair quotation marks: curly and guillemet pairs by nesting, straight double quotes by
 * alternation, single quotes only when they clearly open (after a space) and close (before a
 * non-letter) — so the apostrophe of `workers' rights` opens nothing. An unclosed double quote
 * runs to the end of the paragraph.
 */
export function quoteSpans(
  characters: readonly string[],
  offsets: readonly number[],
): QuoteRange[] {
  const spans: QuoteRange[] = [];
  const endOffset = (index: number): number =>
    (offsets[index] ?? 0) + (characters[index]?.length ?? 1);
  // A quotation opened and never closed runs to the end of the paragraph: the writer quoted to
  // the end (or continues the quotation in the next paragraph).
  const lastOffset = characters.length > 0 ? endOffset(characters.length - 1) : 0;
  pairQuotes(characters, (open, close) =>
    spans.push([offsets[open] ?? 0, close === -1 ? lastOffset : endOffset(close)]),
  );
  return spans;
}

/**
 * Which quotation marks of a paragraph's text pair with which (see `quoteSpans`): pairs of
 * UTF-16 indices into `text`, the closing one `-1` for a quotation never closed. A host that
 * leaves part of a paragraph unparsed uses it to know that the quotation marks of that part pair
 * only among themselves.
 */
export function quotationPairs(text: string): Array<readonly [open: number, close: number]> {
  const characters = Array.from(text);
  const offsets: number[] = [];
  let offset = 0;
  for (const character of characters) {
    offsets.push(offset);
    offset += character.length;
  }
  const pairs: Array<readonly [number, number]> = [];
  pairQuotes(characters, (open, close) =>
    pairs.push([offsets[open] ?? 0, close === -1 ? -1 : (offsets[close] ?? 0)]),
  );
  return pairs;
}

/** Pair the quotation marks of `characters` (indices; `close` -1 for one never closed). */
function pairQuotes(
  characters: readonly string[],
  pair: (open: number, close: number) => void,
): void {
  const curly: number[] = [];
  const guillemets: number[] = [];
  const singles: number[] = [];
  let straight: number | undefined;

  for (const [index, character] of characters.entries()) {
    const previous = characters[index - 1] ?? ' ';
    const next = characters[index + 1] ?? ' ';
    switch (character) {
      case '\u201C':
      case '\u201E':
        curly.push(index);
        break;
      case '\u201D': {
        const open = curly.pop();
        if (open !== undefined) pair(open, index);
        break;
      }
      case '\u00AB':
        guillemets.push(index);
        break;
      case '\u00BB': {
        const open = guillemets.pop();
        if (open !== undefined) pair(open, index);
        break;
      }
      case '"':
        if (straight === undefined) {
          if (!space.test(next)) straight = index;
        } else if (!space.test(previous)) {
          pair(straight, index);
          straight = undefined;
        }
        break;
      case '\u2018':
        if (!letterOrDigit.test(previous)) singles.push(index);
        break;
      case "'":
      case '\u2019':
        if (
          !letterOrDigit.test(previous) &&
          // A letter must follow: `'90s` opens nothing.
          /\p{L}/u.test(next) &&
          (space.test(previous) || /[([“"—–-]/u.test(previous) || index === 0)
        ) {
          singles.push(index);
        } else if (singles.length > 0 && !letterOrDigit.test(next) && !space.test(previous)) {
          const open = singles.pop();
          if (open !== undefined) pair(open, index);
        }
        break;
      default:
    }
  }
  for (const open of [...curly, ...(straight === undefined ? [] : [straight])]) pair(open, -1);
}

/** Words on either side of a consent-implying match in which a child must be indicated. */
const childWindow = 8;
/** Hyphens of a compound counted as one word by the child window (`five-and-a-half-year-old`). */
const maximumCompoundJoins = 8;
/** Words before a consent-implying match in which a negation denies it. */
export const negationWindow = 6;
/** Words after a consent-implying match in which an adult cue names its participants. */
const adultWindow = 3;
/** Words between the preposition after a match and the place in a text it names (`in your own reporting`). */
const wordingPlaceWindow = 3;
/** Separators that end a clause inside a sentence: `;`, `:`, a dash, a bracket. */
const clauseBoundary = /[;:()[\]\u2014]|\s[-\u2013]\s/u;

/** Words between a title cue and the match it names, at most (`Protocol … on the sale of children, child prostitution and …`). */
const maximumTitleGap = 40;

/**
 * Whether one of many ranges contains a span, in logarithmic time: ranges sorted by start, with
 * the furthest end reached so far. Unclosed or deeply nested quotation marks (`““““…`) make
 * thousands of long, overlapping ranges, which a per-word index would fill in quadratic time.
 */
class Containment {
  private readonly starts: Float64Array;
  private readonly furthestEnds: Float64Array;

  constructor(ranges: readonly QuoteRange[]) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    this.starts = new Float64Array(sorted.length);
    this.furthestEnds = new Float64Array(sorted.length);
    let furthest = Number.NEGATIVE_INFINITY;
    for (const [index, [start, end]] of sorted.entries()) {
      furthest = Math.max(furthest, end);
      this.starts[index] = start;
      this.furthestEnds[index] = furthest;
    }
  }

  /** Whether a range starts at or before `start` and ends at or after `end`. */
  contains(start: number, end: number): boolean {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.starts[middle] ?? 0) <= start) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (this.furthestEnds[low - 1] ?? Number.NEGATIVE_INFINITY) >= end;
  }
}

/**
 * Which items cover each word of a paragraph. Queries look only at the items covering one word,
 * so a paragraph dense with matches stays linear.
 */
class Coverage<T> {
  private readonly from: number;
  private readonly items: (T[] | undefined)[];

  constructor(from: number, to: number) {
    this.from = from;
    this.items = new Array<T[] | undefined>(to - from);
  }

  add(first: number, last: number, item: T): void {
    for (let index = first; index <= last; index++)
      (this.items[index - this.from] ??= []).push(item);
  }

  /** Whether an item covering any word of `[first, last]` passes `test`. */
  some(first: number, last: number, test: (item: T) => boolean): boolean {
    for (let index = first; index <= last; index++) {
      const items = this.items[index - this.from];
      if (items?.some(test)) return true;
    }
    return false;
  }
}

const mergedRanges = new WeakMap<readonly QuoteRange[], QuoteRange[]>();

/** Whether `span` lies inside one of `ranges` (merged and sorted once per array, then a binary search). */
function insideAny(ranges: readonly QuoteRange[], span: Span): boolean {
  if (ranges.length === 0) return false;
  let merged = mergedRanges.get(ranges);
  if (!merged) {
    merged = mergeRanges(ranges);
    mergedRanges.set(ranges, merged);
  }
  let low = 0;
  let high = merged.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = merged[middle] as QuoteRange;
    if (end < span.end) low = middle + 1;
    else if (start > span.start) high = middle - 1;
    else return true;
  }
  return false;
}

/** Sort ranges and merge overlapping ones (a quotation nested in another lies inside the outer one). */
function mergeRanges(ranges: readonly QuoteRange[]): QuoteRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
