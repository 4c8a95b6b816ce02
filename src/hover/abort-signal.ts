// A hover's CancellationToken as an AbortSignal: when VS Code cancels the hover (the mouse moved on),
// the vendor calls only this hover waits for are aborted, retry sleeps included; calls another hover,
// the tree or a panel still waits for go on (see src/usage/cache.ts).

/** The part of vscode.CancellationToken used here (structural, so it is testable without VS Code). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/** A signal that aborts with `token`; `dispose()` stops listening once the hover is answered. */
export function abortSignalOf(token: Cancellation): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => void listener.dispose() };
}
