// One registry of everything the host started, torn down newest first however the process ends:
// normally (after hooks, finally blocks), on SIGINT/SIGTERM/SIGHUP, or at exit (synchronous last resort).

export interface CleanupStep {
  label: string;
  /** Graceful stop. */
  stop(): Promise<void>;
  /** Synchronous last resort at process exit, when awaiting is no longer possible. */
  stopNow(): void;
}

interface Entry {
  step: CleanupStep;
  done?: Promise<void>;
}

const entries: Entry[] = [];
let handlersInstalled = false;
let running: Promise<void> | undefined;

const signalExitCodes: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

// An entry leaves the registry only once stopped, so an exit in the middle still reaches it.
function stopEntry(entry: Entry): Promise<void> {
  entry.done ??= Promise.resolve()
    .then(() => entry.step.stop())
    .catch((error: unknown) => {
      process.stderr.write(`cleanup: stopping ${entry.step.label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    })
    .finally(() => {
      const index = entries.indexOf(entry);
      if (index >= 0) entries.splice(index, 1);
    });
  return entry.done;
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', () => {
    for (const entry of entries.splice(0).reverse()) {
      try {
        entry.step.stopNow();
      } catch {
        // Exit-time: nothing left to report to.
      }
    }
  });
  for (const [signal, code] of Object.entries(signalExitCodes)) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the test host…\n`);
      void runAllCleanups().finally(() => process.exit(code));
    });
  }
}

/** Registers a step; the returned function stops it (once; later calls share the first). */
export function registerCleanup(step: CleanupStep): () => Promise<void> {
  installHandlers();
  const entry: Entry = { step };
  entries.push(entry);
  return () => stopEntry(entry);
}

/** Stops everything still registered, newest first; concurrent callers share one run. */
export function runAllCleanups(): Promise<void> {
  running ??= (async () => {
    for (let entry = entries.at(-1); entry; entry = entries.at(-1)) await stopEntry(entry);
    running = undefined;
  })();
  return running;
}
