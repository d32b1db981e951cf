import type { Io } from '../lint-command.js';
import { suggestionsFor, termUrl, wrap } from './shared.js';

/** `luxlint lookup <query>`: ranked entries; exit 1 when nothing matches. */
export async function runLookup(
  query: string,
  options: { json?: boolean; limit: number },
  io: Io,
): Promise<number> {
  const [{ search }, { terms }] = await Promise.all([
    import('@luxlint/search'),
    import('@luxlint/terms'),
  ]);
  const byId = new Map(terms.map((term) => [term.id, term]));
  const results = search(query, { limit: options.limit });
  if (options.json) {
    const entries = results.map((result) => ({
      score: result.score,
      exact: result.exact,
      preferred: result.preferred,
      url: termUrl(result.term.id),
      term: result.term,
    }));
    io.stdout.write(JSON.stringify({ query, results: entries }, null, 2) + '\n');
    return results.length > 0 ? 0 : 1;
  }
  if (results.length === 0) {
    io.stdout.write(`No entry matches “${query}”. \`luxlint list\` shows them all.\n`);
    return 1;
  }
  const blocks = results.map((result) => {
    const { term } = result;
    const text = term.text.en;
    const lines = [
      `${text.term}  [${term.status}]  ${term.id}${result.exact ? '' : '  (closest match)'}`,
    ];
    const instead = suggestionsFor(term, byId);
    if (term.status !== 'use' && instead.length > 0)
      lines.push(`  Use instead: ${instead.join('; ')}`);
    lines.push(wrap(text.summary));
    lines.push(`  ${termUrl(term.id)}`);
    return lines.join('\n');
  });
  io.stdout.write(blocks.join('\n\n') + '\n');
  return 0;
}
