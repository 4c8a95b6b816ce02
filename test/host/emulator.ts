// The vendor emulator as a separate process (`npm run emulator`), exactly as a developer runs it.
// Its contract: the first stdout line is one JSON object with every vendor's base URL and token.
import { createInterface } from 'node:readline';
import { repoRoot } from './paths';
import { spawnGroup } from './processes';
import { parseEmulatorConfig, type EmulatorConfig } from './emulator-config';
import { withTimeout } from './timeout';

export interface EmulatorProcess {
  config: EmulatorConfig;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const group = spawnGroup('vendor emulator', 'npm', ['run', '--silent', 'emulator'], {
    cwd: repoRoot,
    env: { ...process.env, KEYSCOPE_EMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  group.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: group.child.stdout! });
  const firstLine = new Promise<string | undefined>((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(undefined));
  });
  const line = await withTimeout(firstLine, 60_000);
  // Keep draining so a chatty emulator never blocks on a full pipe.
  group.child.stdout?.resume();
  if (line === undefined || line === 'timeout') {
    await group.stop();
    throw new Error(`the vendor emulator did not print its config (${line ?? 'exited'}):\n${stderr}`);
  }
  try {
    return { config: parseEmulatorConfig(line), stop: () => group.stop() };
  } catch (error) {
    await group.stop();
    throw error;
  }
}
