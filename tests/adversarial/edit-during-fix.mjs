// Preloaded into the CLI under test (node --import): plays an editor that saves the file after
// luxlint has read it and before luxlint writes the fix. `realpath` is the first thing the CLI's
// writer does, so appending there lands exactly in that window, every time.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const target = process.env['LUXLINT_TEST_EDIT_FILE'];
const original = fs.promises.realpath;
fs.promises.realpath = async function realpath(file, ...rest) {
  if (target && String(file) === target) {
    // Later than the read, and a different size, like a real save.
    fs.appendFileSync(target, 'Edited by someone else.\n');
  }
  return original.call(this, file, ...rest);
};
syncBuiltinESMExports();
