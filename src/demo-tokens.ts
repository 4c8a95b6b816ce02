import * as vscode from 'vscode';
import { tryParseJson } from './text/try-parse-json';
import { isVendorId } from './vendor-id';
import type { TokenStore } from './secrets';

/**
 * `npm run demo` and the test harness hand emulator tokens over in KEYSCOPE_DEMO_TOKENS. They go
 * straight to SecretStorage, and only when the extension does not run in production mode.
 */
export async function importDemoTokens(mode: vscode.ExtensionMode, tokens: TokenStore): Promise<void> {
  const raw = process.env.KEYSCOPE_DEMO_TOKENS;
  if (mode === vscode.ExtensionMode.Production || !raw) return;
  const parsed = tryParseJson(raw);
  if (typeof parsed !== 'object' || parsed === null) return;
  for (const [vendor, token] of Object.entries(parsed)) {
    if (isVendorId(vendor) && typeof token === 'string' && token !== '' && (await tokens.get(vendor)) !== token) {
      await tokens.set(vendor, token);
    }
  }
}
