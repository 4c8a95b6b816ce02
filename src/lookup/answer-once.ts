import type * as vscode from 'vscode';

/** A QuickPick or an InputBox: both are accepted with Enter. */
type AcceptingInput = vscode.QuickInput & { readonly onDidAccept: vscode.Event<void> };

/**
 * Shows `input` until it is answered, once: on Enter `accept` may call `answer` (or leave the input
 * open); hiding it answers undefined. The input is disposed when it hides.
 */
export function answerOnce<T>(input: AcceptingInput, accept: (answer: (result: T | undefined) => void) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (result: T | undefined): void => {
      if (answered) return;
      answered = true;
      resolve(result);
      input.hide();
    };
    input.onDidAccept(() => accept(answer));
    input.onDidHide(() => {
      answer(undefined);
      input.dispose();
    });
    input.show();
  });
}
