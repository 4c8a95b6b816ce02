// The running part of `npm run demo` (scripts/demo.mjs installs the host and builds first): the
// vendor emulator, and code-server with Keyscope loaded from this repo in development mode.
import { runAllCleanups } from './cleanup';
import { startEmulatorProcess } from './emulator';
import { emulatorSettings, type EmulatorConfig } from './emulator-config';
import { launchHost } from './launcher';
import { repoRoot } from './paths';
import { workbenchUrl } from './workbench-url';

function demoTokens(config: EmulatorConfig): Record<string, string> {
  return { cryptolens: config.cryptolens.token, unkey: config.unkey.token, runtype: config.runtype.token };
}

/** Starts everything, prints the URL, and resolves only if code-server stops by itself. */
export async function runDemo(port: number | undefined): Promise<never> {
  try {
    const { config } = await startEmulatorProcess();
    const host = await launchHost({
      withBrowser: false,
      port,
      settings: emulatorSettings(config),
      // Tokens travel in the environment, never in settings; the extension moves them into
      // SecretStorage at activation, and only outside production mode.
      env: () => ({ KEYSCOPE_DEMO_TOKENS: JSON.stringify(demoTokens(config)) }),
    });
    // extensionDevelopmentPath loads Keyscope straight from this repo, in development mode.
    const url = workbenchUrl(host.server.origin, host.profile.workspaceDir, { extensionDevelopmentPath: repoRoot });
    process.stdout.write(`\nKeyscope demo: vendor emulator at ${new URL(config.runtype.baseUrl).origin}, code-server at ${host.server.origin}\n`);
    process.stdout.write(`Open in a browser on this machine:\n\n  ${url}\n\nCtrl-C stops code-server and the emulator.\n`);
    const code = await host.server.process.exited;
    process.stderr.write(`demo: code-server exited (${code}); stopping\n`);
  } catch (error) {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  await runAllCleanups();
  process.exit(1);
}
