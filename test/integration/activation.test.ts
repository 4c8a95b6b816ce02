import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PUBLIC_COMMANDS } from '../../src/command-ids';
import { activateKeyscope, keyscopeExtension } from './keyscope';

describe('activation', () => {
  it('activates keyscope.keyscope without error', async () => {
    await activateKeyscope();
    assert.equal(keyscopeExtension().isActive, true);
  });

  it('registers every public command', async () => {
    await activateKeyscope();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = PUBLIC_COMMANDS.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });
});
