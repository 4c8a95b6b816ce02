// In a folder nobody trusted (Restricted Mode) Keyscope works as usual from the user's settings and
// tokens, and the folder's own settings — which try to send every token to a recorder — change nothing.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redirectingWorkspaceFiles, startRecorder, type Recorder } from '../host/recorder';
import { treeRow } from './tree-rows';
import { openWorkbench, statusBarItem, type Workbench } from './workbench';

describe('Keyscope in Restricted Mode', { timeout: 180_000 }, () => {
  let workbench: Workbench | undefined;
  let recorder: Recorder | undefined;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };

  before(async () => {
    recorder = await startRecorder();
    workbench = await openWorkbench({ emulatorScale: 'small', restrictedMode: true, workspaceFiles: redirectingWorkspaceFiles(recorder) });
  });

  after(async () => {
    await workbench?.close();
    await recorder?.close();
  });

  it('stores a token and shows its keys from the user settings; the workspace host hears nothing', async () => {
    const { page, emulator } = open();
    await statusBarItem(page, 'Restricted Mode').waitFor({ state: 'visible', timeout: 30_000 });
    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Runtype');
    await open().typeInInput(emulator.runtype.token);
    await open().waitForQuickInputClosed();
    await open().notification(/Runtype token saved/);
    const view = await open().openKeyscopeView();
    await treeRow(view, /\d+ keys/).waitFor({ state: 'visible', timeout: 20_000 });
    const warning = await open().notification(/Keyscope ignored/);
    assert.match(warning, /keyscope\.runtype\.baseUrl/);
    assert.equal(recorder?.connections().length, 0, 'the host the workspace named heard from Keyscope');
  });
});
