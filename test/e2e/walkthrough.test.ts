// "Keyscope: Get Started" opens the walkthrough; setting a token completes its first step.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { completedMark, walkthroughStep } from './walkthroughs';
import { openWorkbench, type Workbench } from './workbench';

const WALKTHROUGH = 'keyscope.keyscope#keyscope.getStarted';

describe('the Keyscope walkthrough', { timeout: 180_000 }, () => {
  let workbench: Workbench | undefined;
  const open = (): Workbench => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };

  before(async () => {
    workbench = await openWorkbench({ emulatorScale: 'small' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens from the command palette, and setting a token completes the first step', async () => {
    const { page, emulator } = open();
    await open().runCommand('Keyscope: Get Started');
    const setToken = walkthroughStep(page, WALKTHROUGH, 'setToken');
    await setToken.waitFor({ state: 'visible', timeout: 20_000 });
    for (const step of ['openKeys', 'hover', 'openAnalytics']) assert.ok(await walkthroughStep(page, WALKTHROUGH, step).isVisible(), `no step ${step}`);
    assert.equal(await completedMark(setToken).count(), 0, 'the first step was complete before any token was set');

    await open().runCommand('Keyscope: Set Access Token');
    await open().selectQuickPick('Runtype');
    await open().typeInInput(emulator.runtype.token);
    await open().waitForQuickInputClosed();
    await completedMark(setToken).waitFor({ state: 'visible', timeout: 15_000 });
    await open().screenshot('walkthrough');
  });
});
