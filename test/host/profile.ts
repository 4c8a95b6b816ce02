// A throwaway VS Code profile: user-data dir (with User/settings.json), extensions dir, workspace
// folder and code-server's own config and XDG dirs, all under one temp dir removed at cleanup.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { registerCleanup } from './cleanup';

export type Settings = Record<string, unknown>;

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
  /** code-server's yaml config; passed explicitly so ~/.config/code-server is never read or written. */
  configFile: string;
  /** XDG dirs inside root, so code-server's own data and logs stay there too. */
  env: Record<string, string>;
  /** The workspace opens untrusted, in Restricted Mode (otherwise workspace trust is off). */
  restrictedMode: boolean;
  dispose(): Promise<void>;
}

export interface ProfileOptions {
  settings?: Settings;
  /** Files to create in the workspace folder, by relative path. */
  workspaceFiles?: Record<string, string>;
  /** Open the workspace untrusted (Restricted Mode), without the trust prompt. */
  restrictedMode?: boolean;
}

// Workspace trust on, no prompt: a folder nobody trusted opens in Restricted Mode.
const restrictedModeSettings: Settings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
};

// Keep the workbench quiet and deterministic: no welcome page, tips, update or telemetry traffic.
const quietSettings: Settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function settingsFile(userDataDir: string): string {
  return join(userDataDir, 'User', 'settings.json');
}

/**
 * Adds user settings to the profile's settings.json. Safe before the workbench page opens (it reads
 * them then); afterwards VS Code notices the change as when a person edits the file.
 */
export function addUserSettings(profile: Profile, settings: Settings): void {
  const file = settingsFile(profile.userDataDir);
  const current = JSON.parse(readFileSync(file, 'utf8')) as Settings;
  writeFile(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
}

export function createProfile(options: ProfileOptions = {}): Profile {
  const root = mkdtempSync(join(tmpdir(), 'keyscope-host-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspaceDir = join(root, 'workspace');
  const configFile = join(root, 'code-server.yaml');
  for (const dir of [userDataDir, extensionsDir, workspaceDir]) mkdirSync(dir, { recursive: true });
  const trust = options.restrictedMode ? restrictedModeSettings : {};
  writeFile(settingsFile(userDataDir), `${JSON.stringify({ ...quietSettings, ...trust, ...options.settings }, null, 2)}\n`);
  writeFile(configFile, 'auth: none\ncert: false\n');
  for (const [relative, content] of Object.entries(options.workspaceFiles ?? {})) writeFile(join(workspaceDir, relative), content);
  const env = {
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
  };
  const remove = (): void => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  const dispose = registerCleanup({
    label: `profile ${root}`,
    stop: async () => remove(),
    stopNow: remove,
  });
  return { root, userDataDir, extensionsDir, workspaceDir, configFile, env, restrictedMode: options.restrictedMode === true, dispose };
}
