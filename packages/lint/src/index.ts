export { applyFixes } from './lib/fixes.js';
export { formatFromPath, type Format } from './lib/format.js';
export type { LintOptions } from './lib/engine.js';
export { lint } from './lib/lint.js';
export { loadLint, type LoadedLint } from './lib/load.js';
