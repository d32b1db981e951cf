import { open } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames } from '../config.js';
import type { Io } from '../lint-command.js';
import { access } from 'node:fs/promises';

export const initTemplate = `# luxlint configuration (https://luxlint.dev/)
# The nearest config to a file wins: .luxlintrc.json, .luxlintrc.yaml, .luxlintrc.yml, or a
# "luxlint" key in package.json. Command-line flags override what is set here.

# Which entries are active: "all" (default) or "guidelines" (only stances confirmed as the
# Luxembourg Guidelines' own, 2016 or 2025 edition).
preset: all

# Turn an entry off, or force its level: off, caution (info) or avoid (warning).
# \`luxlint list\` shows the ids; \`luxlint explain <id>\` explains one.
rules: {}
#  child-pornography: avoid

# Phrases never reported, matched literally and case-insensitively (for example a name your
# newsroom must quote as it is).
allow: []
#  - Child Pornography Task Force

# Also report matches that were skipped for their context (legal titles, quotations, mentions
# of a term as a term) as info messages.
reportSkipped: false
`;

/** `luxlint init`: write a commented .luxlintrc.yaml; never overwrite any existing config. */
export async function runInit(io: Io): Promise<number> {
  for (const name of configFileNames.filter((candidate) => candidate !== 'package.json')) {
    const existing = path.join(io.cwd, name);
    const exists = await access(existing).then(
      () => true,
      () => false,
    );
    if (exists) {
      io.stderr.write(`${name}: already exists; luxlint init never overwrites a config\n`);
      return 2;
    }
  }
  const target = path.join(io.cwd, '.luxlintrc.yaml');
  try {
    // `wx` fails if the file appeared meanwhile: never overwrite.
    const handle = await open(target, 'wx', 0o644);
    await handle.writeFile(initTemplate);
    await handle.close();
  } catch (error) {
    io.stderr.write(
      `.luxlintrc.yaml: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`,
    );
    return 2;
  }
  io.stdout.write('Wrote .luxlintrc.yaml\n');
  return 0;
}
