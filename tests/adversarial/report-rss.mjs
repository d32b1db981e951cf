// Preloaded into the CLI under test (node --import): prints the process's peak resident set
// size on exit, on its own line of standard error, so a test can bound memory without
// depending on /usr/bin/time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nLUXLINT_TEST_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
