// Shared by the hover and lookup suites inside the extension host: tokens, the extension's own
// UsageService, the emulator's request log, and Keyscope's hovers as VS Code computes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { UsageService } from '../../src/usage/usage-service';
import { emulator } from './emulator';
import { keyscopeExtension, type VendorId } from './keyscope';

export interface RequestSummary {
  total: number;
  byVendor: Record<string, number>;
  byPath: Record<string, number>;
}

/** The extension's UsageService (exported outside production mode): tests read what Keyscope reads. */
export async function keyscopeUsage(): Promise<UsageService> {
  const exports = (await keyscopeExtension().activate()) as { usage?: UsageService } | undefined;
  if (!exports?.usage) throw new Error('activate() did not export { usage }');
  return exports.usage;
}

/** Stores the emulator's tokens through the public command (which validates each with one call). */
export async function setAllTokens(): Promise<void> {
  const config = emulator();
  const tokens: Record<VendorId, string> = { cryptolens: config.cryptolens.token, unkey: config.unkey.token, runtype: config.runtype.token };
  for (const [vendor, token] of Object.entries(tokens)) {
    const stored: unknown = await vscode.commands.executeCommand('keyscope.setToken', vendor, token);
    if (stored !== true) throw new Error(`keyscope.setToken did not store the ${vendor} token`);
  }
}

function emulatorOrigin(): string {
  return new URL(emulator().cryptolens.baseUrl).origin;
}

export async function clearEmulatorRequests(): Promise<void> {
  const response = await fetch(`${emulatorOrigin()}/__emulator/requests`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /__emulator/requests: ${response.status}`);
}

export async function emulatorRequests(): Promise<RequestSummary> {
  const response = await fetch(`${emulatorOrigin()}/__emulator/requests`);
  if (!response.ok) throw new Error(`GET /__emulator/requests: ${response.status}`);
  return (await response.json()) as RequestSummary;
}

/** Requests one vendor received on paths containing `path` (all paths when omitted). */
export function requestsTo(summary: RequestSummary, vendor: VendorId, path = ''): number {
  return Object.entries(summary.byPath)
    .filter(([key]) => key.startsWith(`${vendor} `) && key.includes(path))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Keyscope's hover contents at `position` (other extensions' hovers are left out). */
export async function keyscopeHovers(uri: vscode.Uri, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString || (typeof content === 'object' && 'value' in content && 'isTrusted' in content))
    .filter((content) => content.value.includes('command:keyscope.openAnalytics'));
}

/** The position of the middle of the `occurrence`-th `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" not found in the document`);
  }
  return document.positionAt(offset + Math.floor(needle.length / 2));
}

export async function updateSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(section, value, vscode.ConfigurationTarget.Global);
}

/** Keeps a measurement with the run's artifacts (test-results/integration/<name>.json). */
export function keepArtifact(name: string, value: unknown): string {
  const dir = join(keyscopeExtension().extensionPath, 'test-results', 'integration');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
