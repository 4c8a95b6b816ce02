// Where a token may go is the user's decision: an origin other than the vendor's own and loopback is
// confirmed once in a modal. Cancel sends nothing and leaves a node that opens the setting; Allow
// sends, and is remembered across a window reload. The "remote" origin is https://0.0.0.0:<port>,
// which is not loopback by Keyscope's rule yet reaches a recording server on this machine.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startRecorder, type Recorder } from '../host/recorder';
import { waitFor } from '../host/timeout';
import { answerDialog, modalDialog } from './dialogs';
import { setTextSetting, shownSetting } from './settings-editor';
import { useWorkbench } from './fixture';
import { workbenchCommand } from './panel-workbench';
import { treeRow } from './tree-rows';
import { workbenchShown } from './workbench';

describe('a token goes to a new origin only when the user allows it', { timeout: 240_000 }, () => {
  let recorder: Recorder | undefined;
  const open = useWorkbench({ emulatorScale: 'small' });
  const heard = (): number => recorder?.connections().length ?? 0;
  before(async () => {
    recorder = await startRecorder();
  });
  after(() => recorder?.close());

  it('asks before the first request, and Cancel sends nothing and offers the setting', async () => {
    const { page, emulator } = open();
    await open().setToken('Runtype', emulator.runtype.token);
    await open().notification(/Runtype token saved/);
    const view = await open().openKeyscopeView();
    await treeRow(view, /keys/).waitFor({ state: 'visible', timeout: 20_000 });

    const origin = `https://0.0.0.0:${recorder?.port}`;
    await setTextSetting(page, 'keyscope.runtype.baseUrl', `${origin}/`);
    const message = await answerDialog(page, 'Send your Runtype token', 'Cancel');
    assert.equal(message, `Send your Runtype token to ${origin}?`);
    const notSent = treeRow(view, `Runtype: token not sent to ${origin}`);
    await notSent.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(heard(), 0, 'the recorder heard from Keyscope after Cancel');

    // The node opens the Settings editor on the base-URL setting.
    await notSent.click();
    await shownSetting(page, 'keyscope.runtype.baseUrl').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(heard(), 0);
  });

  it('asks again after Refresh; Allow sends, and the answer survives a window reload', async () => {
    const { page } = open();
    await open().runCommand('Keyscope: Refresh');
    await answerDialog(page, 'Send your Runtype token', 'Allow');
    await waitFor('a connection to the allowed origin', () => (heard() > 0 ? true : undefined), 20_000);
    assert.equal(recorder?.tokensSeen([open().emulator.runtype.token]).length, 0, 'the token crossed in clear text over https');

    // Counted from the new page on: the old extension host (and any retry of its own) is gone by then.
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 60_000 });
    await workbenchCommand(page, 'Developer: Reload Window');
    await navigated;
    const before = heard();
    await workbenchShown(page);
    await open().openKeyscopeView();
    await waitFor('a connection after the reload', () => (heard() > before ? true : undefined), 30_000);
    assert.equal(await modalDialog(page).isVisible(), false, 'the modal asked again after a reload');
  });
});
