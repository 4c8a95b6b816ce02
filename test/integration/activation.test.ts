import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeyscope, keyscopeExtension } from './keyscope';

const publicCommands = [
  'keyscope.setToken',
  'keyscope.removeToken',
  'keyscope.refresh',
  'keyscope.lookupKey',
  'keyscope.openAnalytics',
  'keyscope.exportUsage',
];

describe('activation', () => {
  it('activates keyscope.keyscope without error', async () => {
    await activateKeyscope();
    assert.equal(keyscopeExtension().isActive, true);
  });

  it('registers all six public commands', async () => {
    await activateKeyscope();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = publicCommands.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });
});
