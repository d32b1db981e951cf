import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { FileResult } from '../types.js';
import type { ReportContext, Reporter } from './types.js';

/** Rebuild a VFile from plain results so the standard unified reporter can print it. */
export function toVFile(result: FileResult): VFile {
  const file = new VFile({
    path:
      result.positions === 'paragraph'
        ? `${result.path} (positions are paragraph:column)`
        : result.path,
  });
  for (const json of result.messages) {
    const message = file.message(json.message, {
      place: {
        start: { line: json.line, column: json.column, offset: json.offset },
        end: { line: json.endLine, column: json.endColumn, offset: json.endOffset },
      },
      ruleId: json.ruleId,
      source: 'retext-luxembourg',
    });
    message.fatal = json.severity === 'warning' ? false : undefined;
    message.actual = json.actual;
    message.expected = json.expected;
    message.url = json.url;
    message.note = json.note;
  }
  return file;
}

/** vfile-reporter output (the format of remark, retext and alex), printed once all files are in. */
export function createStylishReporter(context: ReportContext): Reporter {
  const files: VFile[] = [];
  let fixed = 0;
  let fixedFiles = 0;
  return {
    add(result) {
      files.push(toVFile(result));
      if (result.fixed) {
        fixed += result.fixed;
        fixedFiles++;
      }
      return '';
    },
    finish() {
      let output =
        files.length > 0
          ? reporter(files, {
              color: context.color,
              verbose: context.verbose,
              quiet: context.quiet === true,
            })
          : '';
      if (output !== '' && !output.endsWith('\n')) output += '\n';
      if (fixed > 0)
        output += `Fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.\n`;
      return output;
    },
  };
}
