// code-server: the real VS Code workbench and Node extension host, served on a loopback port.
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerBin } from './paths';
import { freePort } from './ports';
import { runToCompletion, spawnGroup, type GroupProcess } from './processes';
import type { Profile } from './profile';
import { waitFor } from './timeout';

export interface CodeServer {
  origin: string;
  port: number;
  /** code-server's stdout and stderr. */
  logFile: string;
  process: GroupProcess;
  stop(): Promise<void>;
}

export interface StartCodeServerOptions {
  /** Extra environment for code-server and so for the extension host (test result paths, demo tokens). */
  env?: Record<string, string>;
  port?: number;
  startTimeoutMs?: number;
}

export class HostNotInstalledError extends Error {
  constructor() {
    super(`code-server is not installed at ${codeServerBin}: run \`npm run host:install\``);
    this.name = 'HostNotInstalledError';
  }
}

// Variables a surrounding VS Code sets in its terminals; code-server would hand our request to that instance.
const inheritedVariablesToDrop = /^(VSCODE_|ELECTRON_RUN_AS_NODE$|CODE_SERVER_)/;

function codeServerEnv(profile: Profile, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!inheritedVariablesToDrop.test(name)) env[name] = value;
  }
  return { ...env, ...profile.env, ...extra };
}

function profileArgs(profile: Profile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export function assertHostInstalled(): void {
  if (!existsSync(codeServerBin)) throw new HostNotInstalledError();
}

/** Installs a packaged extension into the profile's extensions dir. */
export async function installVsix(profile: Profile, vsix: string): Promise<void> {
  assertHostInstalled();
  if (!existsSync(vsix)) throw new Error(`no .vsix at ${vsix}: run \`npm run package\``);
  await runToCompletion('code-server --install-extension', codeServerBin, [...profileArgs(profile), '--force', '--install-extension', vsix], {
    env: codeServerEnv(profile, {}),
    timeoutMs: 120_000,
  });
}

async function serves(origin: string): Promise<true | undefined> {
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

/** Starts code-server on the profile and resolves once it answers HTTP. */
export async function startCodeServer(profile: Profile, options: StartCodeServerOptions = {}): Promise<CodeServer> {
  assertHostInstalled();
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(profile.root, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  const args = [
    ...profileArgs(profile),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(profile.restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    profile.workspaceDir,
  ];
  const child = spawnGroup('code-server', codeServerBin, args, {
    env: codeServerEnv(profile, options.env ?? {}),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  try {
    await waitFor(
      `code-server to serve ${origin}`,
      async () => {
        if (child.hasExited()) throw new Error(`code-server exited while starting:\n${tail(logFile)}`);
        return serves(origin);
      },
      options.startTimeoutMs ?? 60_000,
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { origin, port, logFile, process: child, stop: () => child.stop() };
}
