// The panel's HTML: a strict Content Security Policy, the bundled script and stylesheet from media/
// with a fresh nonce, what `init` would answer and the answers to the first data requests that were
// ready in time (so the first chart waits for no round trip), all as data in <meta> content, never
// as markup or script.
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type { L10nBundle } from './protocol-l10n';
import type { Result } from './protocol';

export interface PanelHtmlInput {
  /** webview.cspSource */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Allows the one bundled script. */
  scriptNonce: string;
  /**
   * Allows style elements the toolkit creates at run time (FAST probes :focus-visible support with
   * a <style> element and takes its nonce from <meta property="csp-nonce">). A nonce of its own,
   * so the one exposed in the page cannot authorize a script.
   */
  styleNonce: string;
  title: string;
  /** VS Code's display language (vscode.env.language); English when absent. */
  lang?: string;
  /** The l10n bundle for that language (vscode.l10n.bundle), for the webview's l10n.t; none for English. */
  l10nBundle?: L10nBundle;
  /** The answer to `init`, read by the webview from <meta name="keyscope-init"> (and checked like any answer). */
  init: Result<'init'>;
  /** Answers to the webview's first requests made while the panel opened (Endpoint.answerAhead), for <meta name="keyscope-preload">. */
  preloads?: readonly unknown[];
}

/** 128 random bits, new for every render: a nonce that repeats is a nonce an attacker can reuse. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, scriptNonce: string, styleNonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${scriptNonce}'`,
    `style-src ${cspSource} 'nonce-${styleNonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderPanelHtml(input: PanelHtmlInput): string {
  const styleNonce = escapeHtml(input.styleNonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.scriptNonce, input.styleNonce))}">
<meta property="csp-nonce" content="${styleNonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="keyscope-init" content="${escapeHtml(JSON.stringify(input.init))}">
${input.preloads?.length ? `<meta name="keyscope-preload" content="${escapeHtml(JSON.stringify(input.preloads))}">
` : ''}<link rel="stylesheet" nonce="${styleNonce}" href="${escapeHtml(input.styleUri)}">
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"${input.l10nBundle ? ` data-l10n="${escapeHtml(JSON.stringify(input.l10nBundle))}"` : ''}><p class="boot">${escapeHtml(l10n.t('Loading analytics…'))}</p></main>
<script nonce="${escapeHtml(input.scriptNonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}
