// `npm run test:electron`: the same integration suite in desktop VS Code via @vscode/test-electron.
// Needs internet (it downloads VS Code into .vscode-test/) and, on Linux without a desktop, a display
// (`xvfb-run -a npm run test:electron`). KEYSCOPE_VSCODE_VERSION picks the version (default: stable).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { runAllCleanups } from '../host/cleanup';
import { startEmulatorProcess } from '../host/emulator';
import { emulatorSettings, emulatorTokens } from '../host/emulator-config';
import { repoRoot } from '../host/paths';
import { createProfile } from '../host/profile';
import { checkNoLeakAfterShutdown } from './after-shutdown';
import { buildExtension, buildSuite } from './build';
import { testEnv } from './env';
import { printResults } from './report';
import { emptyResults, isSuiteResults, recordFailure, type SuiteResults } from './results';

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isSuiteResults(value)) throw new Error(`${file} does not hold suite results`);
  return value;
}

async function main(): Promise<void> {
  const started = Date.now();
  buildExtension();
  const suiteEntry = await buildSuite();
  const emulator = await startEmulatorProcess();
  const profile = createProfile({ settings: emulatorSettings(emulator.config) });
  const resultsFile = join(profile.root, 'results.json');
  const emulatorFile = join(profile.root, 'emulator.json');
  writeFileSync(emulatorFile, JSON.stringify(emulator.config));
  try {
    await runTests({
      version: process.env.KEYSCOPE_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      launchArgs: [
        profile.workspaceDir,
        '--user-data-dir', profile.userDataDir,
        '--extensions-dir', profile.extensionsDir,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        // No keyring on a CI machine; SecretStorage then falls back to its own encrypted store.
        '--password-store=basic',
      ],
      extensionTestsEnv: {
        [testEnv.resultsFile]: resultsFile,
        [testEnv.userDataDir]: profile.userDataDir,
        [testEnv.workspaceDir]: profile.workspaceDir,
        [testEnv.emulatorFile]: emulatorFile,
      },
    });
  } catch (error) {
    // A failing suite makes runTests reject too; then the results file says what failed.
    process.stderr.write(`integration: VS Code ended with: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await emulator.stop();
  }
  let results = readResults(resultsFile);
  if (results) {
    checkNoLeakAfterShutdown(results, profile.userDataDir, profile.workspaceDir, emulatorTokens(emulator.config));
  } else {
    results = emptyResults();
    recordFailure(results, 'integration suite', `VS Code exited without writing ${resultsFile}`);
  }
  process.stdout.write(`integration: took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  printResults(results);
  process.exitCode = results.failed > 0 || results.passed === 0 ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`integration: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stdout.write('integration: 0 passed, 1 failed\n');
    process.exitCode = 1;
  })
  .finally(() => runAllCleanups());
