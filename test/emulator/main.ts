// `npm run emulator`: serves the default data until stopped. Its first stdout line is the config JSON.
import { startEmulator } from './server';
import { DEFAULT_SCALE, SMALL_SCALE } from './scale';

async function main(): Promise<void> {
  const port = Number(process.env.KEYSCOPE_EMULATOR_PORT ?? 0);
  const scale = process.env.KEYSCOPE_EMULATOR_SCALE === 'small' ? SMALL_SCALE : DEFAULT_SCALE;
  const emulator = await startEmulator({ port, scale });
  process.stdout.write(`${JSON.stringify(emulator.config)}\n`);
  process.stderr.write(`Keyscope vendor emulator on ${emulator.origin} (Ctrl-C stops it)\n`);
  const stop = (): void => {
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(`emulator failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
