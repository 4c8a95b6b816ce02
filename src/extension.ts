import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { ConfigStore } from './config';
import { copyFromNode } from './commands/copy';
import { openGetStarted } from './commands/get-started';
import type * as Lookup from './commands/lookup-key';
import { refresh } from './commands/refresh';
import { removeToken } from './commands/remove-token';
import { setToken } from './commands/set-token';
import { createTokenValidator } from './commands/validate-token';
import { importDemoTokens } from './demo-tokens';
import { registerHover } from './hover/register';
import { registerMissingPermissionNotice } from './ui/missing-permission';
import { registerKeyDiagnostics } from './diagnostics/key-diagnostics';
import { registerAnalyticsPanel } from './panel/register';
import { TokenStore } from './secrets';
import { KeyscopeStatusBar } from './ui/status-bar';
import { trackCursorKeyId } from './ui/cursor-key-id';
import { ModalOriginConsent } from './trust/origin-consent';
import { warnAboutWorkspaceOverrides } from './trust/workspace-overrides';
import type { KeysTree } from './tree/keys-tree';
import type { TreeNode } from './tree/node';
import { createKeysView } from './tree/keys-view';
import type { HttpOptions } from './http/client';
import { HttpProvider } from './usage/http-provider';
import { UsageService } from './usage/usage-service';
import { VendorClients } from './usage/vendor-clients';
import type { KeyscopeConfig } from './config';
import type { VendorId } from './vendor-id';
import { COMMANDS } from './command-ids';

/**
 * What tests reach through `extensions.getExtension('keyscope.keyscope').exports`. Returned only
 * outside production mode: any extension can read another's exports, and these lead to tokens.
 */
export interface KeyscopeApi {
  secrets: { get(vendor: VendorId): Thenable<string | undefined> };
  usage: UsageService;
  tree: KeysTree;
  keysView: vscode.TreeView<TreeNode>;
}

/** Wires the parts together, nothing else: no vendor call happens here. */
export async function activate(context: vscode.ExtensionContext): Promise<KeyscopeApi | undefined> {
  // Modules that cannot import 'vscode' translate with @vscode/l10n: give it VS Code's bundle for the
  // display language (none for English, whose words are the messages themselves).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Keyscope', { log: true });
  const tokens = new TokenStore(context.secrets);
  const settings = new ConfigStore();
  const config = (): KeyscopeConfig => settings.current;
  const http = new HttpProvider(log, testHttpOverrides(context.extensionMode));
  const consent = new ModalOriginConsent(context.globalState);
  const clients = new VendorClients(tokens, config, () => http.get(), consent);
  const usage = new UsageService(clients, Date.now, { maxScanKeys: () => config().cryptolensMaxScanKeys, unkeyApiIds: () => config().unkeyApiIds });
  const { tree, view: keysView, disposables } = createKeysView(tokens, usage, config);
  const validate = createTokenValidator(clients, config);
  const statusBar = new KeyscopeStatusBar(tokens, usage, config);
  const refreshed = new vscode.EventEmitter<void>();

  context.subscriptions.push(
    log,
    settings,
    tokens,
    // Before the HTTP client: its calls are aborted, not waited for.
    usage,
    http,
    warnAboutWorkspaceOverrides(),
    ...disposables,
    vscode.commands.registerCommand(COMMANDS.setToken, (vendor?: unknown, token?: unknown) => setToken(tokens, validate, vendor, token)),
    vscode.commands.registerCommand(COMMANDS.removeToken, (vendor?: unknown) => removeToken(tokens, vendor)),
    vscode.commands.registerCommand(COMMANDS.refresh, async () => {
      consent.forgetDeclined();
      try {
        await refresh(tokens, usage, tree);
      } finally {
        refreshed.fire();
      }
    }),
    refreshed,
    vscode.commands.registerCommand(COMMANDS.lookupKey, (arg?: unknown) => lookupCommands().lookupKey(usage, config, arg)),
    vscode.commands.registerCommand(COMMANDS.lookupKeyAtCursor, () => lookupCommands().lookupKeyAtCursor(usage, config)),
    trackCursorKeyId(),
    registerHover(usage, settings),
    registerMissingPermissionNotice(usage),
    registerKeyDiagnostics(usage, settings),
    ...registerAnalyticsPanel(context, usage, log, config, refreshed.event),
    vscode.commands.registerCommand(COMMANDS.getStarted, openGetStarted),
    vscode.commands.registerCommand(COMMANDS.copyId, (node: unknown) => copyFromNode(node, 'id')),
    vscode.commands.registerCommand(COMMANDS.copyKey, (node: unknown) => copyFromNode(node, 'key')),
    // A token change in this window or another (SecretStorage syncs) refreshes what it affects.
    tokens.onDidChange((vendor) => {
      usage.clear(vendor);
      tree.refresh();
    }),
    settings.onDidChange(() => {
      usage.clear();
      tree.refresh();
      statusBar.update();
    }),
    statusBar,
  );

  await importDemoTokens(context.extensionMode, tokens);
  log.info('Keyscope activated');
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return { secrets: { get: (vendor) => tokens.get(vendor) }, usage, tree, keysView };
}

/** KEYSCOPE_TEST_HTTP_TIMEOUT_MS shortens every vendor timeout for test runs; production mode ignores it. */
function testHttpOverrides(mode: vscode.ExtensionMode): Partial<HttpOptions> {
  const ms = Number(process.env.KEYSCOPE_TEST_HTTP_TIMEOUT_MS);
  if (mode === vscode.ExtensionMode.Production || !Number.isSafeInteger(ms) || ms <= 0) return {};
  return { connectTimeoutMs: ms, headersTimeoutMs: ms, bodyTimeoutMs: ms };
}

/** The lookup commands, required on their first use (in the build: dist/lookup.js). */
function lookupCommands(): typeof Lookup {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./commands/lookup-key') as typeof Lookup;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
