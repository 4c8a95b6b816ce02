import * as vscode from 'vscode';
import type { KeyFacts } from '../usage/key-facts';
import type { KeyIndex } from '../usage/key-index';
import { CoolingDownError } from '../usage/cooldown';
import { findIdAt } from '../vendors/key-ids';
import { hoverMarkdown, noticeMarkdown, OPEN_ANALYTICS_COMMAND } from './content';
import { abortSignalOf } from './abort-signal';

/**
 * Hovers on key ids: nothing unless a vendor knows the id. The vendor calls behind an answer are
 * shared by every hover (and the tree); a cancelled hover stops waiting at once, and aborts the
 * calls that nobody else waits for.
 */
export class KeyHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: KeyIndex,
    /** Told of each hover shown (the walkthrough's "hover a key id" step completes on it). */
    private readonly onShown: () => void = () => undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const candidate = findIdAt(line, position.character);
    if (!candidate) return undefined;
    const range = new vscode.Range(position.line, candidate.start, position.line, candidate.end);
    const { signal, dispose } = abortSignalOf(token);
    let facts: KeyFacts[];
    try {
      facts = await this.index.resolve(candidate, signal);
    } catch (error) {
      // A vendor in a cooldown is not asked; the hover says until when. Any other failure shows no
      // hover rather than a broken one (the tree and lookups say why).
      if (error instanceof CoolingDownError && !token.isCancellationRequested) return new vscode.Hover(untrusted(noticeMarkdown(error.summary)), range);
      return undefined;
    } finally {
      dispose();
    }
    if (facts.length === 0 || token.isCancellationRequested) return undefined;
    const markdown = untrusted(hoverMarkdown(facts));
    // Trusted for Keyscope's own command only.
    markdown.isTrusted = { enabledCommands: [OPEN_ANALYTICS_COMMAND] };
    this.onShown();
    return new vscode.Hover(markdown, range);
  }
}

/** Markdown with no HTML and no command links. */
function untrusted(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
