// `npm run test:integration`: runs the integration suite inside code-server's extension host,
// opened in headless Chromium, and reports what the suite wrote to its results file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAllCleanups } from '../host/cleanup';
import { assertHostInstalled } from '../host/code-server';
import { emulatorTokens } from '../host/emulator-config';
import { launchHost, type BrowserHost } from '../host/launcher';
import { repoRoot } from '../host/paths';
import { waitFor } from '../host/timeout';
import { startWithEmulator } from '../host/with-emulator';
import { workbenchUrl } from '../host/workbench-url';
import { checkNoLeakAfterShutdown } from './after-shutdown';
import { buildExtension, buildSuite } from './build';
import { testEnv } from './env';
import { printResults } from './report';
import { isSuiteResults, type SuiteResults } from './results';

const suiteTimeoutMs = Number(process.env.KEYSCOPE_INTEGRATION_TIMEOUT_MS ?? 240_000);
const verbose = process.env.KEYSCOPE_HOST_VERBOSE === '1';

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isSuiteResults(value)) throw new Error(`${file} does not hold suite results`);
  return value;
}

function printDiagnostics(host: BrowserHost): void {
  process.stderr.write(`\n--- last page console lines (the extension host logs there) ---\n${host.browser.consoleLines.slice(-80).join('\n')}\n`);
  const log = existsSync(host.server.logFile) ? readFileSync(host.server.logFile, 'utf8') : '';
  process.stderr.write(`--- end of code-server's log ---\n${log.split('\n').slice(-40).join('\n')}\n`);
}

async function waitForResults(host: BrowserHost, file: string): Promise<SuiteResults> {
  return waitFor(
    `the suite's results in ${file}`,
    () => {
      if (host.server.process.hasExited()) throw new Error('code-server exited before the suite finished');
      return readResults(file);
    },
    suiteTimeoutMs,
    250,
  );
}

async function runSuite(suiteEntry: string): Promise<SuiteResults> {
  const { host, emulator, dispose } = await startWithEmulator(() =>
    launchHost({
      env: (profile) => ({
        [testEnv.resultsFile]: join(profile.root, 'results.json'),
        [testEnv.userDataDir]: profile.userDataDir,
        [testEnv.workspaceDir]: profile.workspaceDir,
        [testEnv.emulatorFile]: join(profile.root, 'emulator.json'),
      }),
    }),
  );
  try {
    writeFileSync(join(host.profile.root, 'emulator.json'), JSON.stringify(emulator.config));
    if (verbose) host.page.on('console', (message) => process.stdout.write(`[host] ${message.text()}\n`));
    const url = workbenchUrl(host.server.origin, host.profile.workspaceDir, {
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
    });
    await host.page.goto(url);
    let results: SuiteResults;
    try {
      results = await waitForResults(host, join(host.profile.root, 'results.json'));
    } catch (error) {
      printDiagnostics(host);
      throw error;
    }
    if (results.failed > 0) printDiagnostics(host);
    // Stopped first so every log is flushed before the scan; the profile goes with dispose().
    await host.browser.close();
    await host.server.stop();
    checkNoLeakAfterShutdown(results, host.profile.userDataDir, host.profile.workspaceDir, emulatorTokens(emulator.config));
    return results;
  } finally {
    await dispose();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  assertHostInstalled();
  buildExtension();
  const suiteEntry = await buildSuite();
  const results = await runSuite(suiteEntry);
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
