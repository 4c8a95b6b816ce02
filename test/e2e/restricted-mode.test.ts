// In a folder nobody trusted (Restricted Mode) Keyscope works as usual from the user's settings and
// tokens, and the folder's own settings — which try to send every token to a recorder — change nothing.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { redirectingWorkspaceFiles, startRecorder, type Recorder } from '../host/recorder';
import { useWorkbench } from './fixture';
import { treeRow } from './tree-rows';
import { statusBarItem } from './workbench';

describe('Keyscope in Restricted Mode', { timeout: 180_000 }, () => {
  let recorder: Recorder | undefined;
  const open = useWorkbench(async () => {
    recorder = await startRecorder();
    return { emulatorScale: 'small', restrictedMode: true, workspaceFiles: redirectingWorkspaceFiles(recorder) };
  });
  after(() => recorder?.close());

  it('stores a token and shows its keys from the user settings; the workspace host hears nothing', async () => {
    const { page, emulator } = open();
    await statusBarItem(page, 'Restricted Mode').waitFor({ state: 'visible', timeout: 30_000 });
    await open().setToken('Runtype', emulator.runtype.token);
    await open().notification(/Runtype token saved/);
    const view = await open().openKeyscopeView();
    await treeRow(view, /\d+ keys/).waitFor({ state: 'visible', timeout: 20_000 });
    const warning = await open().notification(/Keyscope ignored/);
    assert.match(warning, /keyscope\.runtype\.baseUrl/);
    assert.equal(recorder?.connections().length, 0, 'the host the workspace named heard from Keyscope');
  });
});
