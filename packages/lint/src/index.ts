export { applyFixes } from './lib/fixes.js';
export { formatFromPath, type Format } from './lib/format.js';
export { lint, type LintOptions } from './lib/lint.js';
