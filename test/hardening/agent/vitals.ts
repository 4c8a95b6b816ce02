// What the extension host looks like from inside: heap, live handles by kind, and every unhandled
// rejection or uncaught exception seen since the agent started (Keyscope shares this process).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HostVitals } from './protocol';

const unhandled: string[] = [];

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}\n${(reason.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(reason);
}

export function watchUnhandled(): void {
  process.on('unhandledRejection', (reason) => unhandled.push(`unhandledRejection ${describe(reason)}`));
  process.on('uncaughtExceptionMonitor', (error) => unhandled.push(`uncaughtException ${describe(error)}`));
}

let collector: (() => void) | undefined;

/** A full garbage collection, so heap figures compare live objects, not garbage not yet collected. */
function collectGarbage(): void {
  if (!collector) {
    // The extension host runs without --expose-gc; the flag can still be set, and gc taken from a fresh context.
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
  }
  collector();
}

export function hostVitals(gc: boolean): HostVitals {
  if (gc) collectGarbage();
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  // Listeners on the process (exit, warnings, rejections…): one added per refresh would show here.
  resources.processListeners = process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
  const memory = process.memoryUsage();
  return { heapUsed: memory.heapUsed, rss: memory.rss, resources, unhandled: [...unhandled] };
}
