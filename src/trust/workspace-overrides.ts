import * as vscode from 'vscode';
import { TOKEN_DESTINATION_SETTINGS, type TokenDestinationSetting } from './destination-settings';

/** Token-destination settings that the open workspace or one of its folders sets (and Keyscope ignores). */
export function workspaceOverrides(): TokenDestinationSetting[] {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)];
  return TOKEN_DESTINATION_SETTINGS.filter((setting) =>
    scopes.some((scope) => {
      const values = vscode.workspace.getConfiguration(undefined, scope).inspect(setting);
      return values?.workspaceValue !== undefined || values?.workspaceFolderValue !== undefined;
    }),
  );
}

/**
 * Says once per window and setting that a workspace tried to choose where a token goes, and that
 * Keyscope ignored it: on activation, and whenever settings or folders change.
 */
export function warnAboutWorkspaceOverrides(): vscode.Disposable {
  const warned = new Set<string>();
  const check = (): void => {
    const fresh = workspaceOverrides().filter((setting) => !warned.has(setting));
    if (fresh.length === 0) return;
    for (const setting of fresh) warned.add(setting);
    void vscode.window.showWarningMessage(
      `Keyscope ignored ${fresh.join(', ')} from this workspace: only your user settings decide where your tokens are sent.`,
    );
  };
  check();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (TOKEN_DESTINATION_SETTINGS.some((setting) => event.affectsConfiguration(setting))) check();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(check),
  );
}
