// The hardening agent: the extensionTestsPath module of the hardening run. Its run() serves the
// runner's actions inside the extension host (the same process as Keyscope) until told to finish;
// meanwhile the runner watches the workbench in Chromium.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as vscode from 'vscode';
import { AGENT_ENV, type AgentAction, type AgentEnv, type HoverResult } from './protocol';
import { walkTree, type TreeProvider } from './tree';
import { hostVitals, watchUnhandled } from './vitals';

interface KeyscopeExports {
  tree: TreeProvider;
}

function readEnv(): AgentEnv {
  const raw = process.env[AGENT_ENV];
  if (!raw) throw new Error(`${AGENT_ENV} is not set: start the agent through test/hardening/run-hardening.ts`);
  return JSON.parse(raw) as AgentEnv;
}

async function keyscope(): Promise<KeyscopeExports> {
  const extension = vscode.extensions.getExtension('keyscope.keyscope');
  if (!extension) throw new Error('extension keyscope.keyscope is not installed');
  const exports = (await extension.activate()) as Partial<KeyscopeExports> | undefined;
  if (!exports?.tree) throw new Error('Keyscope did not export its tree (development mode only)');
  return exports as KeyscopeExports;
}

function workspaceFile(file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, file);
}

/** Command arguments as JSON can carry them (tree nodes become their class name). */
function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return `[${typeof value}]`;
  }
}

async function perform(request: AgentAction, finish: () => void): Promise<unknown> {
  switch (request.action) {
    case 'activate':
      await keyscope();
      return { active: true };
    case 'setToken':
      return vscode.commands.executeCommand('keyscope.setToken', request.vendor, request.token);
    case 'removeToken':
      return vscode.commands.executeCommand('keyscope.removeToken', request.vendor);
    case 'refresh':
      await vscode.commands.executeCommand('keyscope.refresh');
      return {};
    case 'tree': {
      const rows = await walkTree((await keyscope()).tree, request.maxDepth, request.maxChildren);
      return rows.map((row) => ({ ...row, command: row.command ? { ...row.command, arguments: row.command.arguments.map(jsonSafe) } : undefined }));
    }
    case 'openFile': {
      const document = await vscode.workspace.openTextDocument(workspaceFile(request.file));
      await vscode.window.showTextDocument(document, { preview: false });
      return {};
    }
    case 'hover': {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        workspaceFile(request.file),
        new vscode.Position(request.line, request.character),
      );
      const result: HoverResult = { contents: [] };
      for (const hover of hovers ?? []) {
        for (const content of hover.contents) {
          if (content instanceof vscode.MarkdownString) {
            result.contents.push({ markdown: content.value, isTrusted: jsonSafe(content.isTrusted), supportHtml: content.supportHtml === true });
          } else if (typeof content === 'string') {
            result.contents.push({ markdown: content, isTrusted: false, supportHtml: false });
          }
        }
      }
      return result;
    }
    case 'command': {
      const running = Promise.resolve(vscode.commands.executeCommand(request.command, ...request.args));
      if (!request.wait) {
        running.catch(() => undefined);
        return { started: true };
      }
      return { result: jsonSafe(await running) };
    }
    case 'configure': {
      // User settings, as a person would change them; Keyscope reloads what they affect.
      const config = vscode.workspace.getConfiguration();
      for (const [key, value] of Object.entries(request.settings)) await config.update(key, value, vscode.ConfigurationTarget.Global);
      return {};
    }
    case 'export': {
      // What the current Analytics panel shows, written where the runner can read it.
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('keyscope.exportUsage', request.format, vscode.Uri.file(request.path));
      return { written: written?.fsPath ?? null };
    }
    case 'vitals':
      return hostVitals(request.gc);
    case 'finish':
      setTimeout(finish, 50);
      return { finishing: true };
  }
}

export function run(): Promise<void> {
  const env = readEnv();
  watchUnhandled();
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => void handle(req, res));
    const finish = (): void => {
      server.close();
      resolve();
    };
    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${env.secret}`) return reply(403, { error: 'forbidden' });
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const action = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AgentAction;
        reply(200, { ok: true, value: (await perform(action, finish)) ?? null });
      } catch (error) {
        reply(200, { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      }
    }
    server.once('error', reject);
    server.listen(env.port, '127.0.0.1');
  });
}
