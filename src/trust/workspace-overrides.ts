import * as vscode from 'vscode';
import type * as Jsonc from './jsonc';
import { TOKEN_DESTINATION_SETTINGS, type TokenDestinationSetting } from './destination-settings';

// A settings file larger than this is not read (settings files are a few KB).
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** VS Code's JSONC parser, required on first use (scripts/lazy-bundles.mjs makes it dist/jsonc.js). */
function loadJsonc(): typeof Jsonc {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./jsonc') as typeof Jsonc;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings object of a folder's settings.json, or of a .code-workspace file's "settings". */
async function readSettings(uri: vscode.Uri, inWorkspaceFile: boolean): Promise<Record<string, unknown>> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > MAX_SETTINGS_BYTES) return {};
    const parsed: unknown = loadJsonc().parse(new TextDecoder().decode(bytes));
    const settings = inWorkspaceFile && isRecord(parsed) ? parsed.settings : parsed;
    return isRecord(settings) ? settings : {};
  } catch {
    return {};
  }
}

/**
 * Token-destination settings that the open workspace or one of its folders sets, and Keyscope
 * ignores. VS Code drops application-scoped values from a workspace before any API can see them, so
 * the workspace's own settings files are read.
 */
export async function workspaceOverrides(): Promise<TokenDestinationSetting[]> {
  const files: Promise<Record<string, unknown>>[] = (vscode.workspace.workspaceFolders ?? []).map((folder) =>
    readSettings(vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'), false),
  );
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push(readSettings(workspaceFile, true));
  const set = await Promise.all(files);
  return TOKEN_DESTINATION_SETTINGS.filter((setting) => set.some((settings) => setting in settings));
}

/**
 * Says once per window and setting that a workspace tried to choose where a token goes, and that
 * Keyscope ignored it: after activation, and whenever a folder's settings file or the folders change.
 */
export function warnAboutWorkspaceOverrides(): vscode.Disposable {
  const warned = new Set<string>();
  const check = async (): Promise<void> => {
    const fresh = (await workspaceOverrides()).filter((setting) => !warned.has(setting));
    if (fresh.length === 0) return;
    for (const setting of fresh) warned.add(setting);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Keyscope ignored {0} from this workspace: only your user settings decide where your tokens are sent.', fresh.join(', ')),
    );
  };
  void check();
  // Configuration events leave out the values VS Code dropped, so the files themselves are watched.
  const watcher = vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(() => void check()),
    watcher.onDidChange(() => void check()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void check()),
  );
}
