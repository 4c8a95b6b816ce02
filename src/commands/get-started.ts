import * as vscode from 'vscode';

const WALKTHROUGH = 'keyscope.keyscope#keyscope.getStarted';

/** `keyscope.getStarted`: opens the walkthrough (VS Code itself opens it once, on first install). */
export function openGetStarted(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
}
