// Key ids in open documents whose status needs attention, in the Problems panel (issue 13). Every
// answer comes from KeyIndex, the hover's own reads: a diagnostic costs no request a hover would not.
// Documents shown in an editor are read, and re-read shortly after an edit settles, at most
// MAX_DOCUMENTS at a time; a closed document (its last tab closed) loses its entries; keyscope.diagnostics.enabled off clears them all.
import * as vscode from 'vscode';
import type { ConfigStore } from '../config';
import { OPEN_ANALYTICS_COMMAND } from '../hover/content';
import { KeyIndex } from '../usage/key-index';
import type { UsageService } from '../usage/usage-service';
import type { KeyReference } from '../vendors/model';
import { keyIdOccurrences, MAX_LINES_PER_DOCUMENT, problemMessage, problemSeverity, restsOnKeyListDate } from './rules';

export const DIAGNOSTIC_SOURCE = 'Keyscope';
/** Documents kept with diagnostics at once; past it the least recently edited one is dropped. */
const MAX_DOCUMENTS = 20;
const DEBOUNCE_MS = 500;
/** Schemes with files a person edits: not output channels (Keyscope's own log names key ids). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export function registerKeyDiagnostics(usage: UsageService, settings: ConfigStore): vscode.Disposable {
  const diagnostics = new KeyDiagnostics(new KeyIndex(usage, () => settings.current), () => settings.current.diagnosticsEnabled);
  const listeners = [
    // Documents shown in an editor are scanned: not every file an extension or a search opens unseen.
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) diagnostics.schedule(editor.document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (diagnostics.isKept(event.document.uri) || isVisible(event.document)) diagnostics.schedule(event.document, DEBOUNCE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document.uri)),
    // Closing a document's last tab closes it for the person, even while VS Code keeps its model a while.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of event.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !isOpenInTab(uri)) diagnostics.forget(uri);
      }
    }),
    // A settings change (tokens, APIs, the setting itself) re-reads every open document.
    settings.onDidChange(() => diagnostics.rescan()),
    vscode.languages.registerCodeActionsProvider([...SCHEMES].map((scheme) => ({ scheme })), diagnostics, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  ];
  diagnostics.rescan();
  return vscode.Disposable.from(diagnostics, ...listeners);
}

function isVisible(document: vscode.TextDocument): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
}

function isOpenInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

export class KeyDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('keyscope');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document, its scan in progress (aborted when a newer one starts) and its diagnostics' references. */
  private readonly scans = new Map<string, AbortController>();
  private readonly references = new Map<string, Map<string, KeyReference>>();
  /** Documents with diagnostics, least recently scanned first. */
  private readonly kept = new Set<string>();

  constructor(
    private readonly index: KeyIndex,
    private readonly enabled: () => boolean,
  ) {}

  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scan(document);
      }, delayMs),
    );
  }

  isKept(uri: vscode.Uri): boolean {
    return this.kept.has(uri.toString());
  }

  rescan(): void {
    if (!this.enabled()) {
      for (const uri of [...this.kept]) this.forget(vscode.Uri.parse(uri));
      this.collection.clear();
      return;
    }
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor.document, 0);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.scans.get(key)?.abort();
    this.scans.delete(key);
    this.references.delete(key);
    this.kept.delete(key);
    this.collection.delete(uri);
  }

  /** Resolves once the document's diagnostics are set (tests wait on the collection instead). */
  async scan(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (!this.enabled() || document.isClosed) {
      this.forget(document.uri);
      return;
    }
    this.scans.get(key)?.abort();
    const controller = new AbortController();
    this.scans.set(key, controller);
    const version = document.version;
    const lines = Array.from({ length: Math.min(document.lineCount, MAX_LINES_PER_DOCUMENT) }, (_, line) => document.lineAt(line).text);
    const found: vscode.Diagnostic[] = [];
    const references = new Map<string, KeyReference>();
    await Promise.all(
      [...keyIdOccurrences(lines).values()].map(async (occurrences) => {
        const first = occurrences[0];
        if (!first) return;
        const facts = await this.index.resolve(first.candidate, controller.signal).catch(() => []);
        for (const fact of facts) {
          const severity = fact.health ? problemSeverity(fact.health.status) : undefined;
          if (!fact.health || !severity || restsOnKeyListDate(fact.health)) continue;
          const message = problemMessage(fact, first.candidate.text, fact.health);
          for (const { line, candidate } of occurrences) {
            const range = new vscode.Range(line, candidate.start, line, candidate.end);
            const diagnostic = new vscode.Diagnostic(range, message, severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
            diagnostic.source = DIAGNOSTIC_SOURCE;
            diagnostic.code = fact.health.status;
            found.push(diagnostic);
            references.set(referenceKey(range, message), fact.reference);
          }
        }
      }),
    );
    // A newer scan, an edit, a close or the setting turned off since: this answer is stale.
    if (controller.signal.aborted || this.scans.get(key) !== controller || document.isClosed || document.version !== version || !this.enabled()) return;
    this.scans.delete(key);
    found.sort((a, b) => a.range.start.compareTo(b.range.start));
    this.references.set(key, references);
    this.collection.set(document.uri, found);
    this.kept.delete(key);
    this.kept.add(key);
    if (this.kept.size > MAX_DOCUMENTS) {
      const oldest = this.kept.values().next().value;
      if (oldest !== undefined) this.forget(vscode.Uri.parse(oldest));
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const references = this.references.get(document.uri.toString());
    if (!references) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const reference = references.get(referenceKey(diagnostic.range, diagnostic.message));
      if (!reference) continue;
      const lookUp = new vscode.CodeAction(vscode.l10n.t('Look up key usage'), vscode.CodeActionKind.QuickFix);
      lookUp.command = { title: lookUp.title, command: 'keyscope.lookupKey', arguments: [{ reference }] };
      lookUp.diagnostics = [diagnostic];
      const open = new vscode.CodeAction(vscode.l10n.t('Open in Keyscope Analytics'), vscode.CodeActionKind.QuickFix);
      open.command = { title: open.title, command: OPEN_ANALYTICS_COMMAND, arguments: [reference] };
      open.diagnostics = [diagnostic];
      actions.push(lookUp, open);
    }
    return actions;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.scans.values()) controller.abort();
    this.scans.clear();
    this.collection.dispose();
  }
}

function referenceKey(range: vscode.Range, message: string): string {
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}:${message}`;
}
