// "Keyscope: Get Started" opens the walkthrough; setting a token completes its first step.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorkbench } from './fixture';
import { selectQuickPick, typeInInput, waitForQuickInputClosed } from './quick-input';
import { completedMark, stepButton, walkthroughStep } from './walkthroughs';

const WALKTHROUGH = 'keyscope.keyscope#keyscope.getStarted';

describe('the Keyscope walkthrough', { timeout: 180_000 }, () => {
  const open = useWorkbench({ emulatorScale: 'small' });

  it('opens from the command palette, and setting a token completes the first step', async () => {
    const { page, emulator } = open();
    await open().runCommand('Keyscope: Get Started');
    const setToken = walkthroughStep(page, WALKTHROUGH, 'setToken');
    await setToken.waitFor({ state: 'visible', timeout: 20_000 });
    for (const step of ['openKeys', 'hover', 'openAnalytics']) assert.ok(await walkthroughStep(page, WALKTHROUGH, step).isVisible(), `no step ${step}`);
    assert.equal(await completedMark(setToken).count(), 0, 'the first step was complete before any token was set');

    // As a person in the walkthrough does: the step's own button (the page keeps the keyboard focus).
    await stepButton(setToken, 'Set Access Token').click();
    await selectQuickPick(page, 'Runtype');
    await typeInInput(page, emulator.runtype.token);
    await waitForQuickInputClosed(page);
    await completedMark(setToken).waitFor({ state: 'visible', timeout: 15_000 });
    await open().screenshot('walkthrough');
  });
});
