import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { emulator } from './emulator';
import { testEnv } from './env';
import { activateKeyscope } from './keyscope';
import { waitUntil } from './hover-helpers';
import { filesContaining, filesToScan } from './leak-scan';

describe('access tokens', () => {
  it('keeps a token set with keyscope.setToken in SecretStorage', async () => {
    const api = await activateKeyscope();
    const token = emulator().runtype.token;
    const stored: unknown = await vscode.commands.executeCommand('keyscope.setToken', 'runtype', token);
    assert.notEqual(stored, false, 'keyscope.setToken reported that it did not store the token');
    assert.equal(await api.secrets.get('runtype'), token);
  });

  it('writes the token to no log file and no settings file', async function () {
    const userDataDir = process.env[testEnv.userDataDir];
    if (!userDataDir) this.skip();
    const workspaceDir = process.env[testEnv.workspaceDir];
    // Log writers buffer: wait until Keyscope's own log has reached disk. The runner repeats this
    // scan after VS Code has exited.
    await waitUntil("Keyscope's log on disk", () => Promise.resolve(filesContaining(filesToScan(userDataDir), 'Keyscope activated').length > 0 ? true : undefined));
    const files = filesToScan(userDataDir, workspaceDir ? [workspaceDir] : []);
    const logsDir = join(userDataDir, 'logs');
    assert.ok(files.some((file) => file.startsWith(logsDir)), `no log files under ${logsDir}`);
    assert.deepEqual(filesContaining(files, emulator().runtype.token), []);
  });
});
