// Child processes started in their own process group, so stopping one also stops everything it
// started (code-server's extension host, file watcher and pty host; npm's shell and tsx).
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { registerCleanup } from './cleanup';
import { withTimeout } from './timeout';

export interface GroupProcess {
  label: string;
  child: ChildProcess;
  /** Resolves when the group leader has exited, with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Whether the group leader has exited. */
  hasExited(): boolean;
  /** SIGTERM to the group, SIGKILL after a grace period, then waits until no member is left. */
  stop(): Promise<void>;
}

export interface SpawnGroupOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  /** How long members get to exit after SIGTERM before SIGKILL. */
  graceMs?: number;
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // ESRCH: the group is already gone.
    return false;
  }
}

async function waitUntilGroupGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pid, 0) && Date.now() < deadline) await delay(50);
}

export function spawnGroup(label: string, command: string, args: string[], options: SpawnGroupOptions = {}): GroupProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.stdio ?? 'ignore',
    detached: true,
  });
  let exitedFlag = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exitedFlag = true;
      resolve(code);
    });
    child.once('error', () => {
      exitedFlag = true;
      resolve(null);
    });
  });
  const pid = child.pid;
  const graceMs = options.graceMs ?? 5_000;
  const stop = registerCleanup({
    label,
    async stop(): Promise<void> {
      if (pid === undefined) return;
      if (!exitedFlag) {
        signalGroup(pid, 'SIGTERM');
        await withTimeout(exited, graceMs);
      }
      // Members may outlive the leader; none may outlive the test.
      signalGroup(pid, 'SIGKILL');
      await waitUntilGroupGone(pid, 3_000);
    },
    stopNow(): void {
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
    },
  });
  return { label, child, exited, hasExited: () => exitedFlag, stop };
}

/** Runs a command to completion (in its own group, so a timeout kills all of it); resolves with its output. */
export async function runToCompletion(
  label: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<string> {
  const group = spawnGroup(label, command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  group.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  group.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const result = await withTimeout(group.exited, options.timeoutMs);
  await group.stop();
  if (result === 'timeout') throw new Error(`${label} did not finish within ${options.timeoutMs} ms:\n${output}`);
  if (result !== 0) throw new Error(`${label} exited with ${result}:\n${output}`);
  return output;
}
