// The webview's words come from the extension's l10n bundle: the host puts VS Code's bundle for the
// display language on the page (src/panel/protocol-l10n.ts), and this hands it to @vscode/l10n, whose
// l10n.t every webview module calls with its English message (extracted with the host's into
// l10n/bundle.l10n.json). No bundle (English, or one that does not parse): each message is its own text.
import * as l10n from '@vscode/l10n';
import { parseL10nBundle } from '../src/panel/protocol-l10n';

/** Reads the bundle from the page; call once, before anything is drawn. */
export function useHostBundle(root: HTMLElement): void {
  const bundle = parseL10nBundle(root.dataset.l10n);
  if (bundle) l10n.config({ contents: bundle });
}
