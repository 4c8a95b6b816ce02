// The vendor emulator the runner started for this run, as seen from inside the extension host.
import { readFileSync } from 'node:fs';
import { parseEmulatorConfig, type EmulatorConfig } from '../host/emulator-config';
import { testEnv } from './env';

let cached: EmulatorConfig | undefined;

export function emulator(): EmulatorConfig {
  if (cached) return cached;
  const file = process.env[testEnv.emulatorFile];
  if (!file) throw new Error(`${testEnv.emulatorFile} is not set: run the suite through test/integration/run-*.ts`);
  cached = parseEmulatorConfig(readFileSync(file, 'utf8'));
  return cached;
}
