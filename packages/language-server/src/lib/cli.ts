import { serverName, serverVersion, startServer, type ServerOptions } from './server.js';

const usage = `Usage: ${serverName} --stdio | --node-ipc | --socket=<port>

The luxlint language server: Luxembourg Guidelines terminology diagnostics, quick fixes and
hovers for Markdown, MDX, HTML and plain text in any LSP editor. Your editor starts it; see
https://luxlint.dev for editor setup.

Options:
  --stdio           talk LSP over stdin/stdout
  --node-ipc        talk LSP over a Node IPC channel (VS Code)
  --socket=<port>   talk LSP over a TCP socket
  --version         print the version
  --help            print this help
`;

/** Parse the command line and start the server, or print help or the version. */
export function runCli(args: readonly string[], options: ServerOptions = {}): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return;
  }
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${serverVersion}\n`);
    return;
  }
  const transport = args.some(
    (arg) =>
      arg === '--stdio' ||
      arg === '--node-ipc' ||
      arg.startsWith('--socket=') ||
      arg.startsWith('--pipe='),
  );
  if (!transport) {
    process.stderr.write(`${serverName}: no transport given.\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  startServer(options);
}
