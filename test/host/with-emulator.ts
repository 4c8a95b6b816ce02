// Starts the vendor emulator and a host side by side — the emulator seeds its data while code-server
// starts — then points the profile's user settings at the emulator.
import { startEmulatorProcess, type EmulatorProcess } from './emulator';
import { emulatorSettings } from './emulator-config';
import type { Host } from './launcher';
import { addUserSettings, type Settings } from './profile';

export interface HostWithEmulator<H extends Host> {
  host: H;
  emulator: EmulatorProcess;
  /** Stops the host, then the emulator. */
  dispose(): Promise<void>;
}

function reason(result: PromiseSettledResult<unknown>): unknown {
  return result.status === 'rejected' ? result.reason : undefined;
}

export interface WithEmulatorOptions {
  /** User settings on top of the emulator's (they win). */
  settings?: Settings;
  /** 'small' seeds far less data and starts several times faster; for tests that need no volume. */
  emulatorScale?: 'default' | 'small';
}

/** Nothing is left running if either start fails. */
export async function startWithEmulator<H extends Host>(launch: () => Promise<H>, options: WithEmulatorOptions = {}): Promise<HostWithEmulator<H>> {
  const emulatorEnv: Record<string, string> = options.emulatorScale === 'small' ? { KEYSCOPE_EMULATOR_SCALE: 'small' } : {};
  const [emulator, host] = await Promise.allSettled([startEmulatorProcess(emulatorEnv), launch()]);
  if (emulator.status === 'rejected' || host.status === 'rejected') {
    if (emulator.status === 'fulfilled') await emulator.value.stop();
    if (host.status === 'fulfilled') await host.value.dispose();
    throw reason(emulator) ?? reason(host);
  }
  const dispose = async (): Promise<void> => {
    await host.value.dispose();
    await emulator.value.stop();
  };
  try {
    addUserSettings(host.value.profile, { ...emulatorSettings(emulator.value.config), ...options.settings });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { host: host.value, emulator: emulator.value, dispose };
}
