import * as vscode from 'vscode';
import type { KeyIndex } from '../usage/key-index';
import { hoverMarkdown, OPEN_ANALYTICS_COMMAND } from './content';
import { findIdAt } from '../vendors/key-ids';
import { untilCancelled } from './until-cancelled';

/**
 * Hovers on key ids: nothing unless a vendor knows the id. The vendor calls behind an answer are
 * shared by every hover (and the tree), so a cancelled hover only stops waiting; the answer still
 * lands in the cache for the next one.
 */
export class KeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: KeyIndex) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const candidate = findIdAt(line, position.character);
    if (!candidate) return undefined;
    const facts = await untilCancelled(this.index.resolve(candidate), token);
    if (!facts || facts.length === 0 || token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(facts));
    // Trusted for Keyscope's own command only; HTML stays off.
    markdown.isTrusted = { enabledCommands: [OPEN_ANALYTICS_COMMAND] };
    markdown.supportHtml = false;
    const range = new vscode.Range(position.line, candidate.start, position.line, candidate.end);
    return new vscode.Hover(markdown, range);
  }
}
