// Access to the Keyscope extension under test and the API its activate() returns for tests.
import * as vscode from 'vscode';

export const extensionId = 'keyscope.keyscope';

export type VendorId = 'cryptolens' | 'unkey' | 'runtype';

export interface KeyscopeTestApi {
  secrets: { get(vendor: VendorId): Promise<string | undefined> };
}

function isKeyscopeTestApi(value: unknown): value is KeyscopeTestApi {
  if (typeof value !== 'object' || value === null) return false;
  const secrets: unknown = (value as Record<string, unknown>).secrets;
  return typeof secrets === 'object' && secrets !== null && typeof (secrets as Record<string, unknown>).get === 'function';
}

export function keyscopeExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension not found: ${extensionId}`);
  return extension;
}

/** Activates Keyscope (idempotent) and returns its test API. */
export async function activateKeyscope(): Promise<KeyscopeTestApi> {
  const exports: unknown = await keyscopeExtension().activate();
  if (!isKeyscopeTestApi(exports)) throw new Error(`activate() of ${extensionId} did not return { secrets: { get(vendor) } }`);
  return exports;
}
