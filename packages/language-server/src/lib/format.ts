import { formatFromPath, type Format } from '@luxlint/lint';
import { URI } from './uri.js';

/**
 * Language ids as editors send them. VS Code says `plaintext`; Neovim, Helix and Emacs often say
 * `text`; Neovim may say `markdown.mdx` for MDX.
 */
const formatByLanguageId: Readonly<Record<string, Format>> = {
  markdown: 'markdown',
  md: 'markdown',
  mdx: 'mdx',
  'markdown.mdx': 'mdx',
  // Emacs derives the id from the major mode: gfm-mode, mhtml-mode.
  gfm: 'markdown',
  html: 'html',
  mhtml: 'html',
  htm: 'html',
  plaintext: 'text',
  text: 'text',
  txt: 'text',
};

/** The format to lint a document as: from its language id, else from its URI's extension; undefined ⇒ not ours. */
export function formatFor(languageId: string, uri: string): Format | undefined {
  const byId = formatByLanguageId[languageId.toLowerCase()];
  if (byId) return byId;
  const pathname = URI.path(uri);
  return pathname === undefined ? undefined : formatFromPath(pathname);
}
