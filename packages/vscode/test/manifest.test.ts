import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { settingsSchema } from '@luxlint/language-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8')) as {
  main: string;
  files: string[];
  engines: Record<string, string>;
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, Record<string, unknown>> };
  };
};
const clientSource = readFileSync(path.join(packageDirectory, 'src/lib/extension.ts'), 'utf8');
const clientOnlySettings = ['luxlint.trace.server'];

/** Names of the entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endOfDirectory).toBeGreaterThan(-1);
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('luxlint-vscode manifest', () => {
  it('activates on the four languages the server lints, and the client selects the same ones', () => {
    const languages = ['markdown', 'plaintext', 'mdx', 'html'];
    expect(manifest.activationEvents).toEqual(
      languages.map((language) => `onLanguage:${language}`),
    );
    expect(clientSource).toContain(`[${languages.map((language) => `'${language}'`).join(', ')}]`);
  });

  it('contributes exactly the server settings, with the same schema and a description each', () => {
    const properties = manifest.contributes.configuration.properties;
    const contributed = Object.keys(properties).filter((key) => !clientOnlySettings.includes(key));
    expect(contributed.sort()).toEqual(Object.keys(settingsSchema).sort());
    for (const [key, schema] of Object.entries(settingsSchema)) {
      expect(properties[key], key).toMatchObject(
        JSON.parse(JSON.stringify(schema)) as Record<string, unknown>,
      );
      expect(String(properties[key]?.['description']).length, key).toBeGreaterThan(20);
    }
    for (const key of clientOnlySettings) expect(properties[key]?.['description']).toBeTruthy();
  });

  it('contributes the restart command and the client registers it', () => {
    const commands = manifest.contributes.commands.map((command) => command.command);
    expect(commands).toEqual(['luxlint.restartServer']);
    for (const command of commands) expect(clientSource).toContain(`registerCommand('${command}'`);
  });

  it('points main at the bundle, ships the bundled server, and pins a vscode engine its types match', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.files).toEqual(
      expect.arrayContaining(['dist/extension.js', 'dist/server.cjs']),
    );
    expect(clientSource).toContain("path.join('dist', 'server.cjs')");
    expect(manifest.engines['vscode']).toBe(
      `^${manifest.devDependencies['@types/vscode']?.replace(/^[~^]/, '')}`,
    );
  });

  it(
    'builds a .vsix with vsce, offline, holding the client and the bundled server',
    { timeout: 120_000 },
    () => {
      const directory = mkdtempSync(path.join(tmpdir(), 'luxlint-vsix-'));
      onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
      const out = path.join(directory, 'luxlint-vscode.vsix');
      execFileSync(process.execPath, [path.join(packageDirectory, 'scripts/package.mjs'), out], {
        cwd: packageDirectory,
        stdio: 'pipe',
        timeout: 110_000,
      });
      const entries = zipEntries(readFileSync(out));
      expect(entries).toEqual(
        expect.arrayContaining([
          'extension.vsixmanifest',
          'extension/package.json',
          'extension/dist/extension.js',
          'extension/dist/server.cjs',
          'extension/readme.md',
        ]),
      );
      expect(entries.some((entry) => entry.includes('node_modules/'))).toBe(false);
      expect(
        entries.some(
          (entry) => entry.startsWith('extension/src/') || entry.startsWith('extension/test/'),
        ),
      ).toBe(false);
    },
  );

  it(
    'the shipped server answers over Node IPC, the transport VS Code uses',
    { timeout: 60_000 },
    async () => {
      // Built by the previous test (scripts/package.mjs builds before packaging).
      const server = fork(path.join(packageDirectory, 'dist/server.cjs'), ['--node-ipc'], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      const connection = createProtocolConnection(
        new IPCMessageReader(server),
        new IPCMessageWriter(server),
      );
      try {
        const published = new Promise<PublishDiagnosticsParams>((resolve) => {
          connection.onNotification(PublishDiagnosticsNotification.type, resolve);
        });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
          params.items.map(() => ({})),
        );
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: null,
          capabilities: { workspace: { configuration: true } },
        });
        expect(result.capabilities.hoverProvider).toBe(true);
        expect(result.capabilities.documentFormattingProvider).toBeUndefined();
        await connection.sendNotification(InitializedNotification.type, {});
        const uri = pathToFileURL(path.join(tmpdir(), 'vsix-check.md')).href;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {
            uri,
            languageId: 'markdown',
            version: 1,
            text: 'Police seized child pornography.\n',
          },
        });
        const params = await published;
        expect(params.uri).toBe(uri);
        expect(params.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
          'child-pornography',
        ]);
      } finally {
        connection.dispose();
        server.kill();
      }
    },
  );
});
