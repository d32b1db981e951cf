import type { FileResult } from '../types.js';
import type { Reporter } from './types.js';

/** Version of the JSON output contract; bumped on any incompatible change. */
export const jsonVersion = 1;

/** The JSON contract for one file (positions in Word documents are paragraph:column). */
export function toJsonFile(result: FileResult): Record<string, unknown> {
  const file: Record<string, unknown> = { path: result.path, messages: result.messages };
  if (result.positions) file['positions'] = result.positions;
  return file;
}

/** Streams `{version: 1, files: [...]}` one file per line, so a large run is never held in memory. */
export function createJsonReporter(): Reporter {
  let count = 0;
  return {
    add(result) {
      const prefix = count === 0 ? `{"version":${jsonVersion},"files":[\n` : ',\n';
      count++;
      return prefix + JSON.stringify(toJsonFile(result));
    },
    finish() {
      return count === 0 ? `{"version":${jsonVersion},"files":[]}\n` : '\n]}\n';
    },
  };
}
