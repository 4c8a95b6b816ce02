import * as vscode from 'vscode';
import { findIdAt } from '../vendors/key-ids';

/** The context key for the editor menu's "Look Up Key at Cursor": true while the cursor is on something that looks like a key id. */
export const CURSOR_ON_KEY_ID = 'keyscope.cursorOnKeyId';
const DEBOUNCE_MS = 150;

/** The id under the active editor's cursor (by the same recognizer as hovers), if any. */
export function keyIdAtCursor(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): string | undefined {
  if (!editor) return undefined;
  const position = editor.selection.active;
  // findIdAt skips overlong lines (minified code) by itself.
  return findIdAt(editor.document.lineAt(position.line).text, position.character)?.text;
}

/** Keeps CURSOR_ON_KEY_ID current: on selection and editor changes, debounced; one line scanned each time. */
export function trackCursorKeyId(): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: boolean | undefined;
  const update = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const on = keyIdAtCursor() !== undefined;
    if (on === last) return;
    last = on;
    void vscode.commands.executeCommand('setContext', CURSOR_ON_KEY_ID, on);
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };
  const subscriptions = [
    // A click (a right-click too, just before its menu opens) is answered at once; typing and arrows are debounced.
    vscode.window.onDidChangeTextEditorSelection((event) => (event.kind === vscode.TextEditorSelectionChangeKind.Mouse ? update() : schedule())),
    vscode.window.onDidChangeActiveTextEditor(schedule),
  ];
  update();
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    for (const subscription of subscriptions) subscription.dispose();
  });
}
