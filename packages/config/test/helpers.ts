import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { KnownValues } from '@luxlint/config';

/** A small dataset: the package checks against whatever the caller passes. */
export const known: KnownValues = {
  ruleIds: ['child-pornography', 'child-prostitute', 'child-sex-tourism'],
  langs: ['en'],
};

/**
 * A fresh folder holding `files` (paths relative to it); returns its real absolute path. Call it
 * inside a test: the folder is removed when that test finishes.
 */
export function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'luxlint-config-')));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}
