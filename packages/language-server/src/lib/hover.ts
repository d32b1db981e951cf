import { getTerm, type Provenance, type Source, type Term } from '@luxlint/terms';
import { codeSpan } from './code-actions.js';
import type { Finding } from './findings.js';

const provenanceLabels: Readonly<Record<Provenance, string>> = {
  'guidelines-2016': 'Luxembourg Guidelines (2016)',
  'guidelines-2025': 'Luxembourg Guidelines (2nd edition, 2025)',
  'iwg-member': 'guidance of an Interagency Working Group member applying the Guidelines',
  'media-guide': 'newsroom or NGO style guide',
  unverified: 'unverified: our reading, not confirmed by a source',
};

const contextLabels: Readonly<Record<string, string>> = {
  'legal-title': 'it is part of the title of a legal instrument, mandate or organisation',
  quotation: 'it is inside a quotation',
  mention: 'it is mentioned as a term, not used',
  adult: 'the context is about adults',
  preferred: 'it is part of a preferred term',
  allowed: 'it is inside a phrase on your allow list',
};

const statusLabels: Readonly<Record<string, string>> = {
  avoid: 'best avoided',
  caution: 'use with caution',
};

function firstParagraph(text: string): string {
  return (text.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ');
}

function citation(source: Source): string {
  const parts = [source.ref];
  if (source.section) parts.push(`section ${source.section}`);
  if (source.page) parts.push(`p. ${source.page}`);
  const text = parts.join(', ');
  return source.url ? `[${text}](${source.url})` : text;
}

function preferredTerms(term: Term | undefined, finding: Finding): string[] {
  if (finding.expected.length > 0) return finding.expected;
  if (!term) return [];
  const fromIds = term.preferred
    .map((id) => getTerm(id)?.text.en.term)
    .filter((t): t is string => Boolean(t));
  return [...new Set([...fromIds, ...term.text.en.alternatives])];
}

/** Markdown explaining one finding: what to write instead, why, when the old term is still right, and where that comes from. */
export function hoverMarkdown(finding: Finding): string {
  const term = finding.ruleId === undefined ? undefined : getTerm(finding.ruleId);
  const text = term?.text.en;
  const lines: string[] = [];
  const title = text?.term ?? finding.actual ?? finding.ruleId ?? 'luxlint';
  const status = finding.status ?? term?.status;
  lines.push(
    `**${title}**${status && statusLabels[status] ? ` · ${statusLabels[status]}` : ''} · luxlint`,
  );
  if (finding.context !== undefined) {
    lines.push(
      '',
      `Not reported as a fault here: ${contextLabels[finding.context] ?? finding.context}.`,
    );
  }
  const preferred = preferredTerms(term, finding);
  if (preferred.length > 0)
    lines.push('', `**Consider instead:** ${preferred.map(codeSpan).join(', ')}`);
  const why = text?.why ?? finding.note;
  if (why) lines.push('', `**Why:** ${firstParagraph(why)}`);
  if (text?.whenAcceptable)
    lines.push(
      '',
      `**When the old term is still correct:** ${firstParagraph(text.whenAcceptable)}`,
    );
  if (term) {
    lines.push('', `**Provenance:** ${provenanceLabels[term.provenance]}`);
    if (term.sources.length > 0)
      lines.push('', `**Sources:** ${term.sources.map(citation).join('; ')}`);
  }
  if (finding.url) lines.push('', `[Read the full entry](${finding.url})`);
  return lines.join('\n');
}
