// A hover that is cancelled stops waiting at once. The vendor call behind it is shared with other
// hovers and the tree, so it is not aborted: its answer still lands in the cache for the next hover.

/** The part of vscode.CancellationToken used here (kept structural so it is testable without VS Code). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/** `work`'s value, or undefined as soon as `token` is cancelled or `work` fails. */
export function untilCancelled<T>(work: Promise<T>, token: Cancellation): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(undefined);
    });
    work.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      () => {
        listener.dispose();
        resolve(undefined);
      },
    );
  });
}
