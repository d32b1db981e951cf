import { terms } from '@luxlint/terms';
import leven from 'leven';
import type { VFile } from 'vfile';
import type { Directive } from './parsed.js';
import type { LineIndex } from './positions.js';

/** `ruleId` of the warning about a control comment naming an unknown rule. */
export const directiveRuleId = 'luxlint-directive';

let canonicalIds: Map<string, string> | undefined;

/** Every id and alias of the dataset, mapped to the current id (a renamed entry keeps its old id). */
function knownIds(): Map<string, string> {
  if (!canonicalIds) {
    canonicalIds = new Map();
    for (const term of terms) {
      canonicalIds.set(term.id, term.id);
      for (const alias of term.aliases)
        if (!canonicalIds.has(alias)) canonicalIds.set(alias, term.id);
    }
  }
  return canonicalIds;
}

function closest(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of knownIds().keys()) {
    const distance = leven(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Only suggest what is plausibly a typo, not any id at all.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 3))
    ? best
    : undefined;
}

interface ResolvedDirective extends Directive {
  /** Known ids (canonical), or undefined for every rule. */
  readonly rules: ReadonlySet<string> | undefined;
  /** For `disable-next-line`: the line it applies to. */
  readonly targetLine: number;
}

/** Resolve ids (reporting unknown ones on `file`) and the line a `disable-next-line` applies to. */
function resolve(
  directives: readonly Directive[],
  file: VFile,
  document: string,
  lines: LineIndex,
): ResolvedDirective[] {
  const known = knownIds();
  const resolved: ResolvedDirective[] = [];
  for (const directive of directives) {
    const rules = new Set<string>();
    for (const id of directive.ids) {
      const canonical = known.get(id);
      if (canonical) {
        rules.add(canonical);
        continue;
      }
      const suggestion = closest(id);
      const message = file.message(
        `Unknown rule \`${id}\` in \`luxlint-${directive.kind}\`` +
          (suggestion
            ? `; did you mean \`${suggestion}\`?`
            : '; it is not the id of any luxlint entry'),
        {
          place: { start: lines.toPoint(directive.start), end: lines.toPoint(directive.end) },
          ruleId: directiveRuleId,
          source: 'luxlint',
        },
      );
      message.actual = id;
      message.expected = suggestion ? [suggestion] : [];
    }
    // Ids were given but none is known: the comment does nothing rather than disable everything.
    if (directive.ids.length > 0 && rules.size === 0) continue;

    let targetLine = lines.lineOf(directive.end) + 1;
    while (targetLine <= lines.lineCount) {
      const from = lines.lineStart(targetLine);
      const to = targetLine < lines.lineCount ? lines.lineStart(targetLine + 1) : document.length;
      if (/\S/.test(document.slice(from, to))) break;
      targetLine++;
    }
    resolved.push({
      ...directive,
      rules: directive.ids.length === 0 ? undefined : rules,
      targetLine,
    });
  }
  return resolved.sort((a, b) => a.start - b.start);
}

/**
 * Drop the plugin's messages that control comments turn off, and warn about comments naming
 * unknown rules. Works on offsets, so it is the same for every format.
 */
export function applyDirectives(
  file: VFile,
  directives: readonly Directive[],
  document: string,
  lines: LineIndex,
): void {
  if (directives.length === 0) return;
  const pluginMessages = file.messages;
  file.messages = [];
  const resolved = resolve(directives, file, document, lines);
  const ownMessages = file.messages;

  const ranged = resolved.filter((directive) => directive.kind !== 'disable-next-line');
  const nextLine = resolved.filter((directive) => directive.kind === 'disable-next-line');

  const kept = pluginMessages.filter((message) => {
    const offset =
      message.place && 'start' in message.place
        ? message.place.start.offset
        : message.place?.offset;
    if (offset === undefined) return true;
    const ruleId = message.ruleId ?? '';
    const line = lines.lineOf(offset);
    if (
      nextLine.some(
        (directive) =>
          directive.targetLine === line && (!directive.rules || directive.rules.has(ruleId)),
      )
    ) {
      return false;
    }
    // Replay the range comments before this message.
    let all = false;
    const disabled = new Set<string>();
    const enabledDespiteAll = new Set<string>();
    for (const directive of ranged) {
      if (directive.end > offset) break;
      if (directive.kind === 'disable') {
        if (!directive.rules) {
          all = true;
          disabled.clear();
          enabledDespiteAll.clear();
        } else if (all) {
          for (const rule of directive.rules) enabledDespiteAll.delete(rule);
        } else {
          for (const rule of directive.rules) disabled.add(rule);
        }
      } else if (!directive.rules) {
        all = false;
        disabled.clear();
        enabledDespiteAll.clear();
      } else if (all) {
        for (const rule of directive.rules) enabledDespiteAll.add(rule);
      } else {
        for (const rule of directive.rules) disabled.delete(rule);
      }
    }
    return all ? enabledDespiteAll.has(ruleId) : !disabled.has(ruleId);
  });
  file.messages = [...kept, ...ownMessages];
}
