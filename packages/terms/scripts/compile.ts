/**
 * Reads and validates the terms dataset (a folder of YAML files) and compiles it into the
 * shapes of `src/lib/types.ts`. Every problem is collected, so one run names them all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type {
  Category,
  Example,
  LanguagePack,
  LegalTitle,
  LocalizedText,
  MatchForm,
  Provenance,
  Source,
  Status,
  Term,
} from '../src/lib/types.js';

export interface Dataset {
  readonly terms: readonly Term[];
  readonly legalTitles: readonly LegalTitle[];
  readonly languagePacks: readonly LanguagePack[];
}

export interface CompileOptions {
  /**
   * Report `related`/`preferred` ids that name no entry as warnings instead of problems
   * (default: `false`). Only for a dataset that is still being written.
   */
  readonly allowDanglingReferences?: boolean;
  /** Folder holding `schema.json`, `legal-titles.schema.json` and `languages/schema.json` (default: the dataset folder). */
  readonly schemaDir?: string;
}

export interface CompileResult extends Dataset {
  /** Problems downgraded by `allowDanglingReferences`. */
  readonly warnings: readonly Problem[];
}

/** One problem in the dataset, pointing at a file, a line and a field. */
export interface Problem {
  /** Display path, `terms/<category>/<id>.yml`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted field path (`text.en.examples.incorrect[0]`), empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field
    ? `${where}: ${problem.field}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** Thrown by `compileDataset` with every problem found; `message` lists them one per line. */
export class DatasetError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The terms dataset has ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

export const legalTitlesFile = 'legal-titles.yml';
export const languagesFolder = 'languages';

type Segment = string | number;

/** A parsed YAML file that can map a field path back to a line and column. */
class SourceFile {
  readonly lineCounter = new LineCounter();
  readonly document: Document.Parsed;
  constructor(
    readonly display: string,
    text: string,
  ) {
    this.document = parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
    });
  }

  /** The position of the node at `path`; of its key when `key` is set; else of the nearest ancestor that exists. */
  position(path: readonly Segment[], key = false): { line: number; column: number } {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) =>
            isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        if (last && key) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else break;
      offset = rangeStart(node) ?? offset;
    }
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range?.[0];
  }
  return undefined;
}

export function formatField(path: readonly Segment[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}

function parsePointer(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function loadJson(path: string): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

interface Validators {
  entry: ValidateFunction;
  legalTitles: ValidateFunction;
  languagePack: ValidateFunction;
}

function createValidators(dir: string): Validators {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  return {
    entry: ajv.compile(loadJson(join(dir, 'schema.json'))),
    legalTitles: ajv.compile(loadJson(join(dir, 'legal-titles.schema.json'))),
    languagePack: ajv.compile(loadJson(join(dir, languagesFolder, 'schema.json'))),
  };
}

/**
 * Reduce ajv's errors to the ones a writer can act on. A `oneOf` of "string or object" yields
 * errors for both branches; keep only those of the branch whose type matches the value.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'oneOf') continue;
    const prefix = error.schemaPath + '/';
    const branchErrors = errors.filter(
      (other) =>
        other.schemaPath.startsWith(prefix) && other.instancePath.startsWith(error.instancePath),
    );
    const branches = new Map<string, ErrorObject[]>();
    for (const other of branchErrors) {
      const branch = other.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), other]);
    }
    const typeMismatch = (list: ErrorObject[]) =>
      list.some((other) => other.keyword === 'type' && other.instancePath === error.instancePath);
    const matching = [...branches.values()].filter((list) => !typeMismatch(list));
    if (matching.length === 1) {
      // The value has the right type for one branch: its errors say what is wrong, the oneOf adds nothing.
      drop.add(error);
      for (const list of branches.values())
        if (list !== matching[0]) for (const e of list) drop.add(e);
    } else {
      for (const e of branchErrors) drop.add(e);
    }
  }
  // `propertyNames` repeats, vaguely, what the error on the key itself says.
  for (const error of errors) if (error.keyword === 'propertyNames') drop.add(error);
  return errors.filter((error) => !drop.has(error));
}

function describeError(error: ErrorObject): { path: Segment[]; key: boolean; message: string } {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    // A rule on the keys of a mapping (the language tags of `text`): point at the key itself.
    const detail =
      error.keyword === 'pattern' ? `match ${String(params['pattern'])}` : error.message;
    return {
      path: [...path, error.propertyName],
      key: true,
      message: `key "${error.propertyName}" must ${detail?.replace(/^must /, '') ?? 'be valid'}`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const properties = Object.keys(
        ((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object,
      );
      return {
        path: [...path, field],
        key: true,
        message: `unknown field "${field}"; valid fields: ${properties.join(', ')}`,
      };
    }
    case 'required':
      return {
        path,
        key: false,
        message: `missing required field "${String(params['missingProperty'])}"`,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String).join(', ');
      return {
        path,
        key: false,
        message: `${JSON.stringify(error.data)} is not valid; expected one of: ${allowed}`,
      };
    }
    case 'type':
      return {
        path,
        key: false,
        message: `must be ${describeType(params['type'])}, got ${describeValue(error.data)}`,
      };
    case 'oneOf':
      return {
        path,
        key: false,
        message: `must be a string or an object, got ${describeValue(error.data)}`,
      };
    case 'pattern':
      return {
        path,
        key: false,
        message: `${JSON.stringify(error.data)} must match ${String(params['pattern'])}`,
      };
    default:
      return { path, key: false, message: error.message ?? `fails ${error.keyword}` };
  }
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  const words = types.map((t) =>
    t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`,
  );
  return words.join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Lower case, without hyphens or spaces: the engine matches "child-porn", "child porn" and "childporn" alike. */
export function normalisePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, '');
}

/** Expand `have|has|had sex with` into its concrete phrases. */
export function expandAlternatives(phrase: string): string[] {
  let results = [''];
  for (const slot of phrase.trim().split(/\s+/)) {
    const options = slot.split('|');
    results = results.flatMap((prefix) =>
      options.map((option) => (prefix ? `${prefix} ${option}` : option)),
    );
  }
  return results;
}

function words(phrase: string): string[] {
  return phrase
    .split(/[\s\u2010-\u2015-]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

interface Loaded {
  readonly source: SourceFile;
  readonly data: unknown;
}

interface EntryFile extends Loaded {
  readonly folder: string;
  readonly name: string;
  readonly raw: RawEntry;
}

interface RawLocalized {
  term: string;
  abbreviations?: string[];
  match?: (
    string | { phrase: string; caseSensitive?: boolean; inflect?: boolean; near?: 'child' }
  )[];
  alternatives?: string[];
  searchPhrases?: string[];
  fix?: string;
  summary: string;
  why: string;
  whenAcceptable?: string;
  examples?: { incorrect?: (string | Example)[]; correct?: (string | Example)[] };
}

interface RawEntry {
  id: string;
  aliases?: string[];
  status: Status;
  category: Category;
  legal?: boolean;
  provenance: Provenance;
  preferred?: string[];
  related?: string[];
  sources: Source[];
  text: Record<string, RawLocalized>;
}

interface RawLegalTitle {
  title: string;
  kind: LegalTitle['kind'];
  lang?: string;
  note?: string;
  url?: string;
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/**
 * Compile the dataset in `dir` (a `terms/` folder holding `schema.json`, `legal-titles.yml`,
 * `languages/<lang>.yml` and `<category>/<id>.yml`). Throws a `DatasetError` listing every problem.
 */
export function compileDataset(dir: string, options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const label = basename(dir);
  const validators = createValidators(options.schemaDir ?? dir);

  const report: Report = (source, path, message, key = false, dangling = false) => {
    const problem = {
      file: source.display,
      ...source.position(path, key),
      field: formatField(path),
      message,
    };
    (dangling && options.allowDanglingReferences ? warnings : problems).push(problem);
  };
  const reportFile = (display: string, message: string) => {
    problems.push({ file: display, line: 1, column: 1, field: '', message });
  };

  const load = (path: string, validate: ValidateFunction): Loaded | undefined => {
    const display = [label, ...relative(dir, path).split(sep)].join('/');
    const source = new SourceFile(display, readFileSync(path, 'utf8'));
    if (source.document.errors.length > 0) {
      for (const error of source.document.errors) {
        const { line, col } = source.lineCounter.linePos(error.pos[0]);
        const message = error.message.split('\n')[0] ?? error.message;
        problems.push({
          file: display,
          line,
          column: col,
          field: '',
          message: `invalid YAML: ${message}`,
        });
      }
      return undefined;
    }
    const data: unknown = source.document.toJS();
    if (!validate(data)) {
      for (const error of relevantErrors(validate.errors ?? [])) {
        const { path: fieldPath, key, message } = describeError(error);
        report(source, fieldPath, message, key);
      }
      return undefined;
    }
    return { source, data };
  };

  const entryFiles: EntryFile[] = [];
  const legalTitles: LegalTitle[] = [];
  const languagePacks: LanguagePack[] = [];
  const categoryNames = new Set<string>(categoryList(validators));

  for (const path of listYamlFiles(dir)) {
    const parts = relative(dir, path).split(sep);
    const display = [label, ...parts].join('/');
    if (!path.endsWith('.yml')) {
      reportFile(display, 'use the .yml extension');
      continue;
    }
    if (parts.length === 1 && parts[0] === legalTitlesFile) {
      const loaded = load(path, validators.legalTitles);
      if (loaded) legalTitles.push(...compileLegalTitles(loaded, report));
    } else if (parts.length === 2 && parts[0] === languagesFolder) {
      const loaded = load(path, validators.languagePack);
      if (!loaded) continue;
      const pack = loaded.data as LanguagePack;
      const expected = basename(path, '.yml');
      if (pack.lang !== expected) {
        report(
          loaded.source,
          ['lang'],
          `"${pack.lang}" does not match the file name; expected "${expected}"`,
        );
      }
      // Fixed key order, so the generated file does not depend on the order of the YAML keys.
      languagePacks.push({
        lang: pack.lang,
        irregularPlurals: pack.irregularPlurals,
        childWords: pack.childWords,
        childAgeBelow: pack.childAgeBelow,
        mentionCues: pack.mentionCues,
        adultCues: pack.adultCues,
        titleCues: pack.titleCues,
        titleConnectors: pack.titleConnectors,
        articleWords: pack.articleWords,
        ...(pack.ageExpressions === undefined ? {} : { ageExpressions: pack.ageExpressions }),
        ...(pack.numberWords === undefined ? {} : { numberWords: pack.numberWords }),
        ...(pack.indefiniteArticles === undefined
          ? {}
          : { indefiniteArticles: pack.indefiniteArticles }),
        ...(pack.vowelLetters === undefined ? {} : { vowelLetters: pack.vowelLetters }),
        ...(pack.listJoiners === undefined ? {} : { listJoiners: pack.listJoiners }),
        ...(pack.titleTailOpeners === undefined ? {} : { titleTailOpeners: pack.titleTailOpeners }),
        ...(pack.lowercaseTitleCues === undefined
          ? {}
          : { lowercaseTitleCues: pack.lowercaseTitleCues }),
        ...(pack.namingCues === undefined ? {} : { namingCues: pack.namingCues }),
        ...(pack.wordingVerbs === undefined ? {} : { wordingVerbs: pack.wordingVerbs }),
        ...(pack.wordingFollowers === undefined ? {} : { wordingFollowers: pack.wordingFollowers }),
        ...(pack.wordingPlaces === undefined ? {} : { wordingPlaces: pack.wordingPlaces }),
        ...(pack.wordingPlacePrepositions === undefined
          ? {}
          : { wordingPlacePrepositions: pack.wordingPlacePrepositions }),
        ...(pack.negations === undefined ? {} : { negations: pack.negations }),
        ...(pack.consentWords === undefined ? {} : { consentWords: pack.consentWords }),
        ...(pack.mentionColumnHeaders === undefined
          ? {}
          : { mentionColumnHeaders: pack.mentionColumnHeaders }),
      });
    } else if (parts.length === 2 && parts[0] !== undefined) {
      const folder = parts[0];
      if (!categoryNames.has(folder)) {
        reportFile(
          display,
          `folder "${folder}" is not a category; valid categories: ${[...categoryNames].join(', ')}`,
        );
        continue;
      }
      const loaded = load(path, validators.entry);
      if (!loaded) continue;
      entryFiles.push({
        ...loaded,
        folder,
        name: basename(path, '.yml'),
        raw: loaded.data as RawEntry,
      });
    } else {
      reportFile(
        display,
        `unexpected file; entries live in ${label}/<category>/<id>.yml, language packs in ${label}/${languagesFolder}/<lang>.yml`,
      );
    }
  }

  checkEntries(entryFiles, languagePacks, report);
  const terms = entryFiles.map((file) => expandEntry(file.raw)).sort((a, b) => compare(a.id, b.id));

  const byPlace = (a: Problem, b: Problem) =>
    compare(a.file, b.file) || a.line - b.line || a.column - b.column;
  // Sorted by place so a writer can work through a file top to bottom; sort is stable within a place.
  if (problems.length > 0) throw new DatasetError(problems.sort(byPlace));
  warnings.sort(byPlace);
  return {
    warnings,
    terms,
    legalTitles: legalTitles.sort((a, b) => compare(a.lang, b.lang) || compare(a.title, b.title)),
    languagePacks: languagePacks.sort((a, b) => compare(a.lang, b.lang)),
  };
}

type Report = (
  source: SourceFile,
  path: readonly Segment[],
  message: string,
  key?: boolean,
  dangling?: boolean,
) => void;

function withArticle(status: Status): string {
  return status === 'avoid' ? 'an avoid' : `a ${status}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function categoryList(validators: Validators): string[] {
  const schema = validators.entry.schema as { properties?: { category?: { enum?: string[] } } };
  return schema.properties?.category?.enum ?? [];
}

function compileLegalTitles(loaded: Loaded, report: Report): LegalTitle[] {
  const raw = loaded.data as RawLegalTitle[];
  const seen = new Map<string, number>();
  const titles: LegalTitle[] = [];
  for (const [index, item] of raw.entries()) {
    const lang = item.lang ?? 'en';
    const key = `${lang}\u0000${item.title.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(loaded.source, [index, 'title'], `"${item.title}" is already listed as [${first}]`);
      continue;
    }
    seen.set(key, index);
    titles.push({
      title: item.title,
      kind: item.kind,
      lang,
      ...(item.note === undefined ? {} : { note: item.note }),
      ...(item.url === undefined ? {} : { url: item.url }),
    });
  }
  return titles;
}

function expandMatchForm(form: NonNullable<RawLocalized['match']>[number]): MatchForm {
  if (typeof form === 'string') return { phrase: form, caseSensitive: false, inflect: true };
  return {
    phrase: form.phrase,
    caseSensitive: form.caseSensitive ?? false,
    inflect: form.inflect ?? true,
    ...(form.near === undefined ? {} : { near: form.near }),
  };
}

function expandExample(example: string | Example): Example {
  if (typeof example === 'string') return { text: example };
  return { text: example.text, ...(example.fixed === undefined ? {} : { fixed: example.fixed }) };
}

function expandLocalized(raw: RawLocalized): LocalizedText {
  return {
    term: raw.term,
    abbreviations: raw.abbreviations ?? [],
    match: (raw.match ?? []).map(expandMatchForm),
    alternatives: raw.alternatives ?? [],
    searchPhrases: raw.searchPhrases ?? [],
    ...(raw.fix === undefined ? {} : { fix: raw.fix }),
    summary: raw.summary,
    why: raw.why,
    ...(raw.whenAcceptable === undefined ? {} : { whenAcceptable: raw.whenAcceptable }),
    examples: {
      incorrect: (raw.examples?.incorrect ?? []).map(expandExample),
      correct: (raw.examples?.correct ?? []).map(expandExample),
    },
  };
}

function expandSource(source: Source): Source {
  return {
    ref: source.ref,
    ...(source.section === undefined ? {} : { section: source.section }),
    ...(source.page === undefined ? {} : { page: source.page }),
    ...(source.url === undefined ? {} : { url: source.url }),
    provenance: source.provenance,
    ...(source.note === undefined ? {} : { note: source.note }),
  };
}

function expandEntry(raw: RawEntry): Term {
  const languages = Object.keys(raw.text).sort((a, b) =>
    a === 'en' ? -1 : b === 'en' ? 1 : compare(a, b),
  );
  const text = Object.fromEntries(
    languages.map((lang) => [lang, expandLocalized(raw.text[lang] as RawLocalized)]),
  ) as Term['text'];
  return {
    id: raw.id,
    aliases: raw.aliases ?? [],
    status: raw.status,
    category: raw.category,
    legal: raw.legal ?? false,
    provenance: raw.provenance,
    preferred: raw.preferred ?? [],
    related: raw.related ?? [],
    sources: raw.sources.map(expandSource),
    text,
  };
}

/** The cross-file rules that a JSON Schema cannot express. */
function checkEntries(
  files: readonly EntryFile[],
  packs: readonly LanguagePack[],
  report: Report,
): void {
  const owners = new Map<string, { file: EntryFile; asAlias: boolean }>();
  const byId = new Map<string, EntryFile>();

  for (const file of files) {
    const { raw, source } = file;
    if (raw.id !== file.name) {
      report(source, ['id'], `"${raw.id}" does not match the file name; expected "${file.name}"`);
    }
    if (raw.category !== file.folder) {
      report(
        source,
        ['category'],
        `"${raw.category}" does not match the folder; expected "${file.folder}"`,
      );
    }
    const names: [readonly Segment[], string, boolean][] = [
      [['id'], raw.id, false],
      ...(raw.aliases ?? []).map((alias, index): [Segment[], string, boolean] => [
        ['aliases', index],
        alias,
        true,
      ]),
    ];
    for (const [path, name, asAlias] of names) {
      const owner = owners.get(name);
      if (owner) {
        const what = owner.asAlias ? 'an alias of' : 'the id of';
        report(source, path, `"${name}" is already ${what} ${owner.file.source.display}`);
      } else owners.set(name, { file, asAlias });
    }
    byId.set(raw.id, file);
  }

  // References: `related` may name any entry, `preferred` only `use` entries.
  for (const file of files) {
    const { raw, source } = file;
    for (const field of ['preferred', 'related'] as const) {
      for (const [index, id] of (raw[field] ?? []).entries()) {
        const target = byId.get(id);
        const path = [field, index];
        if (!target) {
          const owner = owners.get(id);
          if (owner?.asAlias) {
            report(source, path, `"${id}" is a former id; use "${owner.file.raw.id}"`);
          } else report(source, path, `no entry has the id "${id}"`, false, true);
        } else if (id === raw.id) {
          report(source, path, `"${id}" is this entry itself`);
        } else if (field === 'preferred' && target.raw.status !== 'use') {
          report(
            source,
            path,
            `"${id}" is ${withArticle(target.raw.status)} entry; preferred must name use entries`,
          );
        }
      }
    }
    if (raw.provenance === 'guidelines-2016' || raw.provenance === 'guidelines-2025') {
      if (!raw.sources.some((s) => s.provenance === raw.provenance)) {
        report(
          source,
          ['provenance'],
          `"${raw.provenance}" needs at least one source with provenance ${raw.provenance}`,
        );
      }
    }
  }

  // Per language: examples, match forms, claimed phrases.
  const claims = new Map<string, { file: EntryFile; phrase: string }>();
  const flagged: {
    file: EntryFile;
    lang: string;
    phrase: string;
    caseSensitive: boolean;
    inflect: boolean;
  }[] = [];
  for (const file of files) {
    const { raw, source } = file;
    for (const [lang, text] of Object.entries(raw.text)) {
      const base = ['text', lang];
      const match = text.match ?? [];
      if (raw.status === 'use') {
        if (match.length > 0) {
          report(
            source,
            [...base, 'match'],
            'a use entry must not have match forms (preferred terms are never flagged)',
          );
        }
      } else {
        if (match.length === 0) {
          report(
            source,
            [...base, 'match'],
            `${withArticle(raw.status)} entry needs at least 1 match form`,
          );
        }
        const incorrect = text.examples?.incorrect ?? [];
        const correct = text.examples?.correct ?? [];
        if (incorrect.length < 2) {
          report(
            source,
            text.examples?.incorrect ? [...base, 'examples', 'incorrect'] : [...base, 'examples'],
            `${withArticle(raw.status)} entry needs at least 2 incorrect examples, found ${incorrect.length}`,
          );
        }
        if (correct.length < 1) {
          report(
            source,
            text.examples?.correct ? [...base, 'examples', 'correct'] : [...base, 'examples'],
            `${withArticle(raw.status)} entry needs at least 1 correct example, found 0`,
          );
        }
      }
      for (const [index, example] of (text.examples?.correct ?? []).entries()) {
        if (typeof example === 'object' && example.fixed !== undefined) {
          report(
            source,
            [...base, 'examples', 'correct', index, 'fixed'],
            'only incorrect examples may have "fixed"',
          );
        }
      }
      // Search phrases are only looked up, so the one rule is that an entry does not repeat one
      // (whatever its case, hyphens or spaces).
      const searchPhrases = new Map<string, string>();
      for (const [index, phrase] of (text.searchPhrases ?? []).entries()) {
        const key = normalisePhrase(phrase);
        const first = searchPhrases.get(key);
        if (first === undefined) searchPhrases.set(key, phrase);
        else {
          report(
            source,
            [...base, 'searchPhrases', index],
            `"${phrase}" repeats the search phrase "${first}"`,
          );
        }
      }
      if (raw.status === 'use') continue;
      const forms: [Segment[], MatchForm][] = [
        ...match.map((form, index): [Segment[], MatchForm] => [
          [...base, 'match', index],
          expandMatchForm(form),
        ]),
        ...(text.abbreviations ?? []).map((abbreviation, index): [Segment[], MatchForm] => [
          [...base, 'abbreviations', index],
          { phrase: abbreviation, caseSensitive: true, inflect: true },
        ]),
      ];
      for (const [path, form] of forms) {
        for (const phrase of expandAlternatives(form.phrase)) {
          const key = `${lang}\u0000${normalisePhrase(phrase)}`;
          const claim = claims.get(key);
          if (claim && claim.file === file) {
            report(source, path, `"${phrase}" repeats "${claim.phrase}" of this entry`);
          } else if (claim) {
            report(
              source,
              path,
              `"${phrase}" is already claimed by ${claim.file.raw.id} ("${claim.phrase}", ${claim.file.source.display})`,
            );
          } else claims.set(key, { file, phrase });
          flagged.push({
            file,
            lang,
            phrase,
            caseSensitive: form.caseSensitive,
            inflect: form.inflect,
          });
        }
      }
    }
  }

  // A suggestion that the linter itself would flag is a contradiction.
  const plurals = new Map(packs.map((pack) => [pack.lang, pack.irregularPlurals]));
  for (const file of files) {
    const { raw, source } = file;
    for (const [lang, text] of Object.entries(raw.text)) {
      const base = ['text', lang];
      const suggestions: [Segment[], string][] = [];
      if (text.fix !== undefined) suggestions.push([[...base, 'fix'], text.fix]);
      for (const [index, alternative] of (text.alternatives ?? []).entries()) {
        suggestions.push([[...base, 'alternatives', index], alternative]);
      }
      if (raw.status === 'use') {
        suggestions.push([[...base, 'term'], text.term]);
        for (const [index, abbreviation] of (text.abbreviations ?? []).entries()) {
          suggestions.push([[...base, 'abbreviations', index], abbreviation]);
        }
      }
      for (const [path, suggestion] of suggestions) {
        for (const form of flagged) {
          if (form.lang !== lang) continue;
          if (containsForm(suggestion, form, plurals.get(lang) ?? {})) {
            report(
              source,
              path,
              `"${suggestion}" contains "${form.phrase}", which ${form.file.raw.id} (${form.file.raw.status}) flags`,
            );
          }
        }
      }
    }
  }
}

/**
 * Does `phrase` contain `form` as a word sequence? With `inflect`, any word of the form may
 * stand in its plural or possessive (the engine inflects "erotic image of child" into "erotic
 * images of children"), so this errs on the side of finding a clash.
 */
export function containsForm(
  phrase: string,
  form: { phrase: string; caseSensitive: boolean; inflect: boolean },
  irregularPlurals: Readonly<Record<string, string>>,
): boolean {
  const fold = (word: string) => (form.caseSensitive ? word : word.toLowerCase());
  const haystack = words(phrase).map(fold);
  const needle = words(form.phrase).map((word) => {
    const variants = new Set([fold(word)]);
    if (form.inflect) {
      const base = fold(word);
      const irregular = irregularPlurals[word] ?? irregularPlurals[base];
      for (const variant of [irregular, `${base}s`, `${base}es`, `${base}'s`, `${base}s'`]) {
        if (variant) variants.add(fold(variant));
      }
      if (irregular) variants.add(fold(`${irregular}'s`));
      if (/[^aeiou]y$/.test(base)) variants.add(`${base.slice(0, -1)}ies`);
    }
    return variants;
  });
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((variants, offset) => variants.has(haystack[start + offset] ?? '')))
      return true;
  }
  return false;
}
