// The Getting Started editor's walkthrough steps.
import type { Locator, Page } from '../host/playwright-types';

export function walkthroughStep(page: Page, walkthroughId: string, stepId: string): Locator {
  return page.locator(`.getting-started-step[data-step-id="${walkthroughId}#${stepId}"]`).first();
}

/** The step's check mark, shown once its completion event happened. */
export function completedMark(step: Locator): Locator {
  return step.locator('.codicon-getting-started-step-checked');
}

/** A command button in the step's description, e.g. "Set Access Token". */
export function stepButton(step: Locator, label: string): Locator {
  return step.locator('a, button', { hasText: label }).first();
}
