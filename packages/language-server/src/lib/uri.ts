import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small helpers over document URIs (file:, untitled:, and whatever else a client sends). */
export const URI = {
  /** The file-system path of a `file:` URI, else undefined. */
  fsPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  /** The path part of any URI (used only for its extension). */
  path(uri: string): string | undefined {
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return undefined;
    }
  },
  /** The directory a document's config is looked up from. */
  directory(uri: string): string | undefined {
    const file = URI.fsPath(uri);
    return file === undefined ? undefined : path.dirname(file);
  },
};
