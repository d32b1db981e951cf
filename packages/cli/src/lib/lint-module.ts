// The parts of @luxlint/lint the command uses, named, so a bundler leaves out the rest: its
// `lint` imports every format's parser, while `loadLint` loads only the formats in use.
export { applyFixes, formatFromPath, loadLint } from '@luxlint/lint';
