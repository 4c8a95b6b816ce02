// The suites' own rules (issue 15): the workbench's CSS selectors live in the e2e helpers, never in a
// test file, so a code-server update is fixed in one place; and no test waits on a clock where a
// condition can be awaited.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..');
/** Classes of VS Code's workbench (not Keyscope's webview, whose markup the panel tests may name). */
const WORKBENCH_SELECTOR = /['"`][^'"`]*\.(monaco-[\w-]+|markers-panel|quick-input-[\w-]+|activitybar|sidebar|statusbar|context-view|part\.[\w-]+|notification-[\w-]+)\b/;
const FIXED_SLEEP = /waitForTimeout\(|setTimeout\(/;

function testFiles(folder: string): Array<{ name: string; text: string }> {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(root, folder, name), 'utf8') }));
}

function offendingLines(files: Array<{ name: string; text: string }>, pattern: RegExp): string[] {
  return files.flatMap(({ name, text }) => text.split('\n').flatMap((line, index) => (pattern.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : [])));
}

test('e2e test files name no workbench CSS selector (they are in the e2e helpers)', () => {
  assert.deepEqual(offendingLines(testFiles('e2e'), WORKBENCH_SELECTOR), []);
});

test('the check catches a workbench selector', () => {
  assert.equal(offendingLines([{ name: 'x', text: "page.locator('.markers-panel .monaco-list-row')" }], WORKBENCH_SELECTOR).length, 1);
  assert.equal(offendingLines([{ name: 'x', text: "frame.locator('.legend-item[data-outcome=\"valid\"]')" }], WORKBENCH_SELECTOR).length, 0);
});

test('integration and e2e test files wait for conditions, not for clocks', () => {
  assert.deepEqual(offendingLines([...testFiles('e2e'), ...testFiles('integration')], FIXED_SLEEP), []);
});
