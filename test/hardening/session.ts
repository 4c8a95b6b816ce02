// One hardening session: the vendor emulator in this process (so faults, request counts and hostile
// data are at hand), Keyscope loaded from this repo in code-server (development mode, so it exports
// its tree), the hardening agent inside the extension host, and headless Chromium on the workbench.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { assertHostInstalled } from '../host/code-server';
import { emulatorSettings } from '../host/emulator-config';
import { launchHost, type BrowserHost } from '../host/launcher';
import { freePort } from '../host/ports';
import { repoRoot } from '../host/paths';
import type { Settings } from '../host/profile';
import { waitFor } from '../host/timeout';
import { workbenchUrl } from '../host/workbench-url';
import { buildExtension } from '../integration/build';
import { SMALL_SCALE } from '../emulator/scale';
import { startEmulator, type Emulator } from '../emulator/server';
import { AGENT_ENV, type AgentAction, type AgentEnv } from './agent/protocol';

export const agentBundle = join(repoRoot, 'out', 'hardening', 'agent.js');

/** Short HTTP timeouts for the extension under test (a test-only variable, ignored in production mode). */
export const TEST_TIMEOUT_ENV = 'KEYSCOPE_TEST_HTTP_TIMEOUT_MS';

export interface SessionOptions {
  /** Extra user settings on top of the ones pointing Keyscope at the emulator. */
  settings?: (emulator: Emulator) => Settings;
  workspaceFiles?: (emulator: Emulator) => Record<string, string>;
  /** HTTP timeout the extension uses, in ms. */
  httpTimeoutMs?: number;
  scale?: typeof SMALL_SCALE;
}

export interface Session {
  emulator: Emulator;
  host: BrowserHost;
  /** Runs an action in the extension host; rejects with the agent's error. */
  agent<T = unknown>(action: AgentAction): Promise<T>;
  /** Every token this session handed to the extension (for the secret scans). */
  tokens(): string[];
  /** Sets the emulator's token of every vendor through keyscope.setToken (each is validated by a call). */
  setAllTokens(): Promise<void>;
  /** Adds a token the session handed to the extension some other way. */
  usedToken(token: string): void;
  /** Ends the agent, closes Chromium and stops code-server (its logs flushed); the profile stays. */
  stop(): Promise<void>;
  /** stop(), then removes the profile and stops the emulator. */
  close(): Promise<void>;
}

/** `npm run build` (dist/extension.js, media/webview.js) and the agent bundle. */
export async function buildForSession(): Promise<void> {
  assertHostInstalled();
  buildExtension();
  await build({
    entryPoints: [join(__dirname, 'agent', 'index.ts')],
    outfile: agentBundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const emulator = await startEmulator({ scale: options.scale ?? SMALL_SCALE });
  const agentEnv: AgentEnv = { port: await freePort(), secret: randomBytes(16).toString('hex') };
  const tokens = new Set<string>([emulator.config.cryptolens.token, emulator.config.unkey.token, emulator.config.runtype.token]);
  let host: BrowserHost | undefined;
  try {
    host = await launchHost({
      settings: { ...emulatorSettings(emulator.config), ...options.settings?.(emulator) },
      workspaceFiles: options.workspaceFiles?.(emulator),
      env: () => ({
        [AGENT_ENV]: JSON.stringify(agentEnv),
        ...(options.httpTimeoutMs ? { [TEST_TIMEOUT_ENV]: String(options.httpTimeoutMs) } : {}),
      }),
    });
    const url = workbenchUrl(host.server.origin, host.profile.workspaceDir, { extensionDevelopmentPath: repoRoot, extensionTestsPath: agentBundle });
    await host.page.goto(url);
    await host.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    const agent = agentClient(agentEnv);
    await waitFor('the hardening agent in the extension host', () => agent({ action: 'activate' }).then(() => true, () => undefined), 90_000, 500);
    const session: Session = {
      emulator,
      host,
      agent,
      tokens: () => [...tokens],
      async setAllTokens(): Promise<void> {
        for (const vendor of ['cryptolens', 'unkey', 'runtype'] as const) {
          const token = emulator.config[vendor].token;
          tokens.add(token);
          const stored = await agent<boolean>({ action: 'setToken', vendor, token });
          if (stored !== true) throw new Error(`keyscope.setToken did not store the ${vendor} token`);
        }
      },
      usedToken: (token) => void tokens.add(token),
      async stop(): Promise<void> {
        await agent({ action: 'finish' }).catch(() => undefined);
        await host?.browser.close();
        await host?.server.stop();
      },
      async close(): Promise<void> {
        await session.stop();
        await host?.dispose();
        await emulator.close();
      },
    };
    return session;
  } catch (error) {
    await host?.dispose();
    await emulator.close();
    throw error;
  }
}

function agentClient(env: AgentEnv): <T>(action: AgentAction) => Promise<T> {
  return async <T>(action: AgentAction): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${env.port}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
    const answer = (await response.json()) as { ok: boolean; value?: T; error?: string };
    if (!answer.ok) throw new Error(`agent ${action.action}: ${answer.error ?? 'failed'}`);
    return answer.value as T;
  };
}
