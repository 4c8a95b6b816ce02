import * as vscode from 'vscode';
import type { KeyFacts } from '../usage/key-facts';
import type { KeyIndex } from '../usage/key-index';
import { hoverMarkdown, OPEN_ANALYTICS_COMMAND } from './content';
import { findIdAt } from './ids';
import { abortSignalOf } from './abort-signal';

/**
 * Hovers on key ids: nothing unless a vendor knows the id. The vendor calls behind an answer are
 * shared by every hover (and the tree); a cancelled hover stops waiting at once, and aborts the
 * calls that nobody else waits for.
 */
export class KeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: KeyIndex) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const candidate = findIdAt(line, position.character);
    if (!candidate) return undefined;
    const { signal, dispose } = abortSignalOf(token);
    let facts: KeyFacts[];
    try {
      facts = await this.index.resolve(candidate, signal);
    } catch {
      // A failing vendor shows no hover rather than a broken one; the tree and lookups say why.
      return undefined;
    } finally {
      dispose();
    }
    if (facts.length === 0 || token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(facts));
    // Trusted for Keyscope's own command only; HTML stays off.
    markdown.isTrusted = { enabledCommands: [OPEN_ANALYTICS_COMMAND] };
    markdown.supportHtml = false;
    const range = new vscode.Range(position.line, candidate.start, position.line, candidate.end);
    return new vscode.Hover(markdown, range);
  }
}
