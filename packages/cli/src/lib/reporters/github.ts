import type { FileResult } from '../types.js';
import type { Reporter } from './types.js';

// Workflow commands: data escapes %, CR, LF; property values also escape : and ,.
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions annotations: `::warning` for avoid findings, `::notice` for the rest. */
export function formatGithub(result: FileResult): string {
  let output = '';
  const file = escapeProperty(result.path);
  for (const message of result.messages) {
    const command = message.severity === 'warning' ? 'warning' : 'notice';
    const title = escapeProperty(`luxlint (${message.ruleId})`);
    const properties = `file=${file},line=${message.line},col=${message.column},endLine=${message.endLine},endColumn=${message.endColumn},title=${title}`;
    output += `::${command} ${properties}::${escapeData(message.message)}\n`;
  }
  return output;
}

export function createGithubReporter(): Reporter {
  return {
    add: formatGithub,
    finish(errors) {
      return errors
        .map(
          (result) =>
            `::error file=${escapeProperty(result.path)}::${escapeData(result.error ?? 'cannot be linted')}\n`,
        )
        .join('');
    },
  };
}
