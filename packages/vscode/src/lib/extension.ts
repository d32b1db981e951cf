import path from 'node:path';
import { commands, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The languages the server lints; also the extension's activation events. */
export const languages = ['markdown', 'plaintext', 'mdx', 'html'] as const;

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // The bundled server ships inside the extension; nothing is installed or downloaded.
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6039'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and unsaved buffers, not diff views or other virtual documents.
    documentSelector: languages.flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
    ]),
  };
  client = new LanguageClient('luxlint', 'luxlint', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('luxlint.restartServer', () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
