import { pathToFileURL } from 'node:url';
import type { FileResult, JsonMessage } from '../types.js';
import type { ReportContext, Reporter } from './types.js';

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

function artifactUri(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}

function region(message: JsonMessage, positions: FileResult['positions']) {
  const region: Record<string, number> = {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
  // Offsets into a Word document's extracted text mean nothing to a SARIF viewer.
  if (positions !== 'paragraph') {
    region['charOffset'] = message.offset;
    region['charLength'] = message.endOffset - message.offset;
  }
  return region;
}

/** Build a SARIF 2.1.0 log (one run) from linted files and the files that could not be linted. */
export function toSarif(
  results: readonly FileResult[],
  errors: readonly FileResult[],
  context: ReportContext,
): Record<string, unknown> {
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const sarifResults: Record<string, unknown>[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      let index = ruleIndex.get(message.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(message.ruleId, index);
        const info = context.describeRule?.(message.ruleId);
        const rule: Record<string, unknown> = {
          id: message.ruleId,
          shortDescription: { text: info ? `${info.term}: ${info.summary}` : message.ruleId },
          defaultConfiguration: { level: info?.status === 'avoid' ? 'warning' : 'note' },
          properties: { status: info?.status ?? message.status },
        };
        if (message.url !== '') {
          rule['helpUri'] = message.url;
        }
        if (message.note !== '') rule['help'] = { text: message.note };
        rules.push(rule);
      }
      const location = {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(result.path), uriBaseId: '%SRCROOT%' },
          region: region(message, result.positions),
        },
      };
      const sarifResult: Record<string, unknown> = {
        ruleId: message.ruleId,
        ruleIndex: index,
        level: message.severity === 'warning' ? 'warning' : 'note',
        message: { text: message.message },
        locations: [location],
        properties: {
          actual: message.actual,
          expected: message.expected,
          status: message.status,
          ...(message.context ? { context: message.context } : {}),
        },
      };
      if (message.fix && result.positions !== 'paragraph') {
        sarifResult['fixes'] = [
          {
            description: { text: `Replace with "${message.fix.text}"` },
            artifactChanges: [
              {
                artifactLocation: { uri: artifactUri(result.path), uriBaseId: '%SRCROOT%' },
                replacements: [
                  {
                    deletedRegion: {
                      charOffset: message.fix.offset,
                      charLength: message.fix.endOffset - message.fix.offset,
                    },
                    insertedContent: { text: message.fix.text },
                  },
                ],
              },
            ],
          },
        ];
      }
      sarifResults.push(sarifResult);
    }
  }
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'luxlint',
            version: context.version,
            informationUri: 'https://luxlint.dev/',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd).href + '/' } },
        invocations: [
          {
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((error) => ({
              level: 'error',
              message: { text: error.error ?? 'cannot be linted' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(error.path), uriBaseId: '%SRCROOT%' },
                  },
                },
              ],
            })),
          },
        ],
        results: sarifResults,
      },
    ],
  };
}

export function createSarifReporter(context: ReportContext): Reporter {
  const results: FileResult[] = [];
  return {
    add(result) {
      // Only files with findings need keeping; SARIF lists results, not clean files.
      if (result.messages.length > 0) results.push(result);
      return '';
    },
    finish(errors) {
      return JSON.stringify(toSarif(results, errors, context), null, 2) + '\n';
    },
  };
}
