// Starts the whole test host — a fresh profile, code-server on a free loopback port, headless
// Chromium — and stops all of it, always. The pieces live in their own modules:
// ports.ts (freePort), profile.ts (createProfile), code-server.ts (installVsix, startCodeServer),
// browser.ts (launchChromium); cleanup.ts makes sure nothing outlives the process.
import type { Page } from 'playwright-core';
import { launchChromium, type BrowserSession, type LaunchOptions } from './browser';
import { installVsix, startCodeServer, type CodeServer } from './code-server';
import { createProfile, type Profile, type ProfileOptions } from './profile';

export interface HostOptions extends ProfileOptions, LaunchOptions {
  /** A packaged extension to install into the fresh extensions dir before starting. */
  vsix?: string;
  /**
   * Environment for code-server (and so the extension host); receives the profile first, so
   * values can name paths inside it.
   */
  env?: (profile: Profile) => Record<string, string>;
  /** code-server's port; a free one when omitted. */
  port?: number;
  /** false: no Chromium (the demo serves the workbench to a person's own browser). */
  withBrowser?: boolean;
}

export interface Host {
  profile: Profile;
  server: CodeServer;
  /** Undefined when started with withBrowser: false. */
  browser: BrowserSession | undefined;
  /** Stops the browser, code-server and removes the profile; safe to call more than once. */
  dispose(): Promise<void>;
}

export interface BrowserHost extends Host {
  browser: BrowserSession;
  page: Page;
}

async function stopAll(parts: { browser?: BrowserSession; server?: CodeServer; profile?: Profile }): Promise<void> {
  await parts.browser?.close();
  await parts.server?.stop();
  await parts.profile?.dispose();
}

export async function launchHost(options: HostOptions & { withBrowser: false }): Promise<Host>;
export async function launchHost(options?: HostOptions): Promise<BrowserHost>;
export async function launchHost(options: HostOptions = {}): Promise<Host> {
  const parts: { browser?: BrowserSession; server?: CodeServer; profile?: Profile } = {};
  try {
    const profile = (parts.profile = createProfile(options));
    if (options.vsix) await installVsix(profile, options.vsix);
    const server = (parts.server = await startCodeServer(profile, { env: options.env?.(profile) ?? {}, port: options.port }));
    const dispose = (): Promise<void> => stopAll(parts);
    if (options.withBrowser === false) return { profile, server, browser: undefined, dispose };
    const browser = (parts.browser = await launchChromium(options));
    const host: BrowserHost = { profile, server, browser, page: browser.page, dispose };
    return host;
  } catch (error) {
    await stopAll(parts);
    throw error;
  }
}
