import type { Io } from '../lint-command.js';
import { termUrl } from './shared.js';

/** `luxlint list [--status s]`: every entry, one per line, or JSON. */
export async function runList(
  options: { status?: 'avoid' | 'caution' | 'use'; json?: boolean },
  io: Io,
): Promise<number> {
  const { terms } = await import('@luxlint/terms');
  const selected = options.status ? terms.filter((term) => term.status === options.status) : terms;
  if (options.json) {
    io.stdout.write(
      JSON.stringify(
        selected.map((term) => ({ ...term, url: termUrl(term.id) })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const idWidth = Math.max(2, ...selected.map((term) => term.id.length));
  const lines = selected.map(
    (term) => `${term.status.padEnd(8)}${term.id.padEnd(idWidth + 2)}${term.text.en.term}`,
  );
  io.stdout.write(
    `${'status'.padEnd(8)}${'id'.padEnd(idWidth + 2)}term\n${lines.join('\n')}\n${selected.length} entr${selected.length === 1 ? 'y' : 'ies'}\n`,
  );
  return 0;
}
