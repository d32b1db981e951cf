import { didYouMeanSuffix } from '../did-you-mean.js';
import type { Io } from '../lint-command.js';
import { suggestionsFor, termUrl, wrap } from './shared.js';

/** `luxlint explain <id>`: one entry in full. Unknown id: exit 2 with a suggestion. */
export async function runExplain(id: string, options: { json?: boolean }, io: Io): Promise<number> {
  const { terms } = await import('@luxlint/terms');
  const byId = new Map(terms.map((term) => [term.id, term]));
  const term = byId.get(id) ?? terms.find((candidate) => candidate.aliases.includes(id));
  if (!term) {
    let hint = didYouMeanSuffix(id, byId.keys());
    if (hint === '') {
      const { search } = await import('@luxlint/search');
      const best = search(id.replaceAll('-', ' '), { limit: 1 })[0];
      if (best) hint = ` (did you mean "${best.term.id}"?)`;
    }
    io.stderr.write(`error: unknown entry id "${id}"${hint}; \`luxlint list\` shows every id\n`);
    return 2;
  }
  if (options.json) {
    io.stdout.write(JSON.stringify({ ...term, url: termUrl(term.id) }, null, 2) + '\n');
    return 0;
  }
  const text = term.text.en;
  const out: string[] = [];
  out.push(`${text.term}  [${term.status}]`);
  out.push(
    `  id: ${term.id} · category: ${term.category} · provenance: ${term.provenance}${term.legal ? ' · survives in legal texts' : ''}`,
  );
  if (text.abbreviations.length > 0) out.push(`  abbreviations: ${text.abbreviations.join(', ')}`);
  const instead = suggestionsFor(term, byId);
  if (term.status !== 'use' && instead.length > 0)
    out.push('', 'Use instead', ...instead.map((value) => `  - ${value}`));
  if (text.fix) out.push(`  (--fix writes: ${text.fix})`);
  out.push('', 'Summary', wrap(text.summary), '', 'Why', wrap(text.why));
  if (text.whenAcceptable) out.push('', 'When acceptable', wrap(text.whenAcceptable));
  if (text.examples.incorrect.length > 0) {
    out.push('', 'Examples to reconsider');
    for (const example of text.examples.incorrect)
      out.push(`  ✗ ${example.text}`, ...(example.fixed ? [`    → ${example.fixed}`] : []));
  }
  if (text.examples.correct.length > 0) {
    out.push('', 'Examples that are fine');
    for (const example of text.examples.correct) out.push(`  ✓ ${example.text}`);
  }
  if (term.related.length > 0) out.push('', `Related: ${term.related.join(', ')}`);
  if (term.sources.length > 0) {
    out.push('', 'Sources');
    for (const source of term.sources) {
      const where = [source.section, source.page ? `p. ${source.page}` : undefined]
        .filter(Boolean)
        .join(', ');
      out.push(
        `  - ${source.ref}${where ? ` (${where})` : ''} [${source.provenance}]${source.url ? ` ${source.url}` : ''}`,
      );
    }
  }
  out.push('', `More: ${termUrl(term.id)}`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}
