import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { ParseEnglish } from 'parse-english';
import retextEnglish from 'retext-english';
import retextLuxembourg, {
  createPrefilter,
  createSentenceWindow,
  isMentionColumnHeader,
  type Options as PluginOptions,
  type SentenceWindow,
} from 'retext-luxembourg';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { applyDirectives } from './directives.js';
import { formatFromPath, type Format } from './format.js';
import { batchCharacters, blocksToRoot, blocksToRoots, emptyRoot } from './nlcst.js';
import { appendAll } from './append.js';
import type { Block } from './pieces.js';
import { LineIndex } from './positions.js';
import type { Reader } from './reader.js';
import { tokenize } from './tokenize.js';
import { windowBlock } from './windows.js';

/** Options of `lint`: the plugin's options plus how to read the input. */
export interface LintOptions extends PluginOptions {
  /** How to read `value` (default: from the extension of `path`, else `markdown`). */
  format?: Format;
  /** File path, set on the returned file and its messages. */
  path?: string;
  /**
   * Skip the natural-language parse where no term can match (default `true`). The messages are
   * the same either way; `false` exists to prove that and to debug.
   */
  fastPath?: boolean;
}

interface Engine {
  readonly processor: Processor;
  readonly prefilter: (text: string) => boolean;
  /** What parsing only part of a paragraph must respect (see windows.ts). */
  readonly window: SentenceWindow;
  /** Built on first use; tokenizing keeps no state between calls, so one serves every file. */
  parser?: ParseEnglish;
}

// Building the plugin compiles the dataset's forms: do it once per distinct configuration.
const engines = new Map<string, Engine>();
const maximumEngines = 16;

/** JSON with object keys sorted at every level, so equal options give equal keys. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableKey(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function engineFor(options: PluginOptions): Engine {
  const key = stableKey(options);
  let engine = engines.get(key);
  if (!engine) {
    engine = {
      processor: unified()
        .use(retextEnglish)
        .use(retextLuxembourg, options)
        .freeze() as unknown as Processor,
      prefilter: createPrefilter(options),
      window: createSentenceWindow(options),
    };
    if (engines.size >= maximumEngines) {
      const oldest = engines.keys().next();
      if (!oldest.done) engines.delete(oldest.value);
    }
    engines.set(key, engine);
  }
  return engine;
}

/** A parser configured like the one retext-english gives the processor. */
function parserFor(processor: Processor): ParseEnglish {
  const parser = new ParseEnglish();
  const add = <T>(list: T[], values: unknown): void => {
    if (Array.isArray(values)) list.unshift(...(values as T[]));
  };
  add(parser.tokenizeParagraphPlugins, processor.data('nlcstParagraphExtensions' as never));
  add(parser.tokenizeRootPlugins, processor.data('nlcstRootExtensions' as never));
  add(parser.tokenizeSentencePlugins, processor.data('nlcstSentenceExtensions' as never));
  // The same tokens, from a table instead of three regular expressions per character.
  parser.tokenize = tokenize;
  return parser;
}

/**
 * What the prefilter is asked about before anything is parsed: the raw file, with character
 * references decoded and Markdown escapes removed, so that it contains every word the parsed
 * prose can contain.
 */
function wholeFileText(value: string, format: Format): string {
  if (format === 'text') return value;
  let text = value;
  if (format !== 'html' && text.includes('\\')) text = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (text.includes('&')) {
    // Decoding through the same routine the parsers use would need a parse; a lenient
    // numeric/named pass is enough because the check only has to be a superset.
    text = text.replace(
      /&(#[xX][\da-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z\d]{0,31});/g,
      (reference, body: string) => {
        if (body.startsWith('#')) {
          const codePoint =
            body[1] === 'x' || body[1] === 'X'
              ? Number.parseInt(body.slice(2), 16)
              : Number.parseInt(body.slice(1), 10);
          return codePoint > 0 && codePoint <= 0x10ffff
            ? String.fromCodePoint(codePoint)
            : reference;
        }
        return decodeNamed(body) ?? reference;
      },
    );
  }
  return text;
}

function decodeNamed(name: string): string | undefined {
  const decoded = decodeNamedCharacterReference(name);
  return decoded === false ? undefined : decoded;
}

function startOffset(message: VFile['messages'][number]): number {
  const place = message.place;
  if (!place) return -1;
  return 'start' in place ? (place.start.offset ?? -1) : (place.offset ?? -1);
}

function endOffset(message: VFile['messages'][number]): number {
  const place = message.place;
  if (!place) return -1;
  return 'end' in place ? (place.end.offset ?? -1) : (place.offset ?? -1);
}

/**
 * Lint `value` with retext-luxembourg, reading its format with `readerFor(format)`, and return a
 * file with the messages, sorted by position. (`lint` and `loadLint` differ only in how they
 * get their readers.)
 */
export function lintWith(
  value: string,
  options: LintOptions,
  readerFor: (format: Format) => Reader,
): VFile {
  const { format: givenFormat, path, fastPath = true, ...pluginOptions } = options;
  const format: Format =
    givenFormat ?? (path === undefined ? undefined : formatFromPath(path)) ?? 'markdown';
  const file = path === undefined ? new VFile({ value }) : new VFile({ value, path });
  const engine = engineFor(pluginOptions);

  // No candidate anywhere and no control comment to check: nothing to parse at all.
  if (fastPath && !value.includes('luxlint-') && !engine.prefilter(wholeFileText(value, format))) {
    return file;
  }

  const read = readerFor(format);
  const lang = pluginOptions.lang ?? 'en';
  const document = read(value, {
    fastPath,
    mayMatch: fastPath
      ? (run) => run.includes('luxlint-') || engine.prefilter(wholeFileText(run, format))
      : () => true,
    isMentionHeader: (header) => isMentionColumnHeader(header, lang),
  });
  const lines = new LineIndex(value);
  const lineOf = (offset: number): number => lines.lineOf(offset);
  const blocks: Block[] = [];
  if (fastPath) {
    // Only blocks that can match, and of those only the sentences around a candidate (with
    // what context rules read of the others).
    for (const block of document.blocks)
      appendAll(blocks, windowBlock(block, engine.window, engine.prefilter, lineOf));
  } else {
    appendAll(blocks, document.blocks);
  }

  if (blocks.length > 0) {
    file.data.luxembourgQuoteRanges = document.quoteRanges;
    file.data.luxembourgMentionRanges = document.mentionRanges;
    engine.parser ??= parserFor(engine.processor);
    let characters = 0;
    for (const block of blocks)
      for (const piece of block.pieces) if (piece.kind === 'text') characters += piece.value.length;
    if (characters <= batchCharacters) {
      engine.processor.runSync(
        blocksToRoot(blocks, engine.parser, lines, value.length) as never,
        file,
      );
    } else {
      // A tree costs a few hundred bytes per character: a large file is checked one batch of
      // blocks at a time, the plugin carrying a paragraph that goes on into the next batch
      // (`luxembourgMore`), and told with an empty last tree that nothing more follows.
      file.data.luxembourgMore = true;
      for (const root of blocksToRoots(blocks, engine.parser, lines, value.length))
        engine.processor.runSync(root as never, file);
      file.data.luxembourgMore = false;
      engine.processor.runSync(emptyRoot(engine.parser, lines, value.length) as never, file);
      delete file.data.luxembourgMore;
    }
  }

  applyDirectives(file, document.directives, value, lines);
  file.messages.sort(
    (a, b) =>
      startOffset(a) - startOffset(b) ||
      endOffset(a) - endOffset(b) ||
      String(a.ruleId).localeCompare(String(b.ruleId)),
  );
  return file;
}
