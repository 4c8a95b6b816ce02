import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeyscope, keyscopeExtension } from './keyscope';

interface Contribution {
  id: string;
}

function contributions(section: 'views' | 'viewsContainers', key: string): Contribution[] {
  const manifest: unknown = keyscopeExtension().packageJSON;
  const contributes = (manifest as { contributes?: Record<string, Record<string, Contribution[] | undefined> | undefined> }).contributes;
  return contributes?.[section]?.[key] ?? [];
}

describe('Keys view', () => {
  it('is contributed to the Keyscope activity-bar container', () => {
    assert.ok(contributions('viewsContainers', 'activitybar').some((container) => container.id === 'keyscope'), 'no activity-bar container "keyscope"');
    assert.ok(contributions('views', 'keyscope').some((view) => view.id === 'keyscope.keys'), 'no view "keyscope.keys" in container "keyscope"');
  });

  it('opens the Keyscope container and focuses the Keys view', async () => {
    await activateKeyscope();
    // Both commands exist only when the container and the view are registered with the workbench.
    await vscode.commands.executeCommand('workbench.view.extension.keyscope');
    await vscode.commands.executeCommand('keyscope.keys.focus');
  });
});
