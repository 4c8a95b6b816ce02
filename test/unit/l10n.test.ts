// Keyscope's words are localizable: every message shown to a person goes through l10n.t
// (vscode.l10n.t in view code, @vscode/l10n below it and in the webview, which gets the bundle from the
// host), and l10n/bundle.l10n.json, which the translations start from, holds exactly the messages the
// code asks for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import * as l10n from '@vscode/l10n';
import { statusText } from '../../src/health/status';
import { expiryState } from '../../src/health/expiry';
import { renderPanelHtml } from '../../src/panel/html';
import { MAX_L10N_MESSAGES, parseL10nBundle } from '../../src/panel/protocol-l10n';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'webview'))].map((path) => {
  const text = readFileSync(path, 'utf8');
  return { path: relative(root, path), text, ast: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true) };
});

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `l10n.t(…)` or `vscode.l10n.t(…)`. */
function isTranslation(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /^(vscode\.)?l10n\.t$/.test(node.expression.getText());
}

/** A literal a person would read: letters left once `${…}` parts and `$(icon)` codicons are taken out. */
function wordedLiteral(node: ts.Node): string | undefined {
  let text: string;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  else return undefined;
  const words = text.replace(/\$\([\w~-]+\)/g, '');
  const trimmed = words.trim();
  // Acronyms and codes (CSV, NOT_FOUND), error class names and element ids (needs-v2) are no one's words.
  if (/^[A-Z_]{2,}$/.test(trimmed) || /^[A-Z][A-Za-z]*Error$/.test(trimmed) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(trimmed)) return undefined;
  return /[A-Za-z]/.test(words) ? text : undefined;
}

/** Worded literals that reach `node`'s value unchanged (through ?:, ??, ||, +, parentheses, arrays and .join). */
function literalsIn(node: ts.Expression): string[] {
  if (isTranslation(node)) return [];
  const worded = wordedLiteral(node);
  if (worded !== undefined) return [worded];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalsIn(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...literalsIn(node.left), ...literalsIn(node.right)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => (ts.isSpreadElement(element) ? literalsIn(element.expression) : literalsIn(element)));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') return literalsIn(node.expression.expression);
  if (ts.isObjectLiteralExpression(node)) return node.properties.flatMap((property) => (ts.isPropertyAssignment(property) && SHOWN_PROPERTIES.has(property.name.getText()) ? literalsIn(property.initializer) : []));
  return [];
}

/** Calls whose string arguments (or options' shown properties) a person reads. */
const SHOWING_CALLS =
  /\.(show(Information|Warning|Error)Message|setStatusBarMessage|withProgress|showInputBox|showQuickPick|showSaveDialog|showOpenDialog|createWebviewPanel|empty|denied|setNote|setSubtitle|setTitle|setStatus|say)$|^(pickVendor|button|dropdown|progressRing|dateInput|labelled)$|^(notes|lines|active|holds)\.push$/;
/** The Cryptolens view's card methods, and which of their arguments a person reads (the first is a card id). */
const SHOWING_METHODS: Record<string, readonly number[]> = { chartCard: [1], gridCard: [1], showChart: [1], showCounters: [1], showGrid: [2] };
/** Constructors, and which of their arguments a person reads (MessageNode: id, label, icon, command, tooltip; Card: title, id). */
const SHOWING_CLASSES: Record<string, readonly number[]> = { TreeItem: [0], MarkdownString: [0], Diagnostic: [1], CodeAction: [0], MessageNode: [1, 4], Card: [0], PagedGrid: [0] };
/** Properties of items, inputs, nodes and results that a person reads. */
const SHOWN_PROPERTIES = new Set(['title', 'label', 'description', 'detail', 'tooltip', 'placeholder', 'placeHolder', 'prompt', 'text', 'validationMessage', 'message', 'saveLabel', 'openLabel', 'note', 'notFound', 'error', 'reason', 'caveat', 'emptyLabel', 'textContent', 'name', 'chartLabel', 'ariaLabel', "'aria-label'"]);

/**
 * Worded literals that stay as they are, with why: not Keyscope's words for a person, or the
 * vendor's own names.
 */
const NOT_TRANSLATED = new Set([
  // The webview protocol's own diagnostics: logged, never shown.
  'src/panel/protocol.ts: malformed message at method: not a known method',
  // A vendor response's shape check: the field and format the vendor broke, like the rest of ResponseFormatError.
  'src/vendors/cryptolens/license-schemas.ts: expected a date like 2015-08-27T00:00:00',
  // Cryptolens Web API log states are named by the methods Cryptolens documents (Activate, Data object…).
  'src/vendors/cryptolens/state-code.ts: Unknown ( )',
]);

/** `path:line: text` of each worded literal shown without l10n. */
function untranslated(): string[] {
  const found: string[] = [];
  for (const { path, ast } of files) {
    const report = (node: ts.Node, literals: string[]): void => {
      const line = ast.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const literal of literals) if (!NOT_TRANSLATED.has(`${path}: ${literal}`)) found.push(`${path}:${line}: ${literal}`);
    };
    walk(ast, (node) => {
      if (ts.isCallExpression(node) && !isTranslation(node) && SHOWING_CALLS.test(node.expression.getText())) report(node, node.arguments.flatMap(literalsIn));
      else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && Object.hasOwn(SHOWING_METHODS, node.expression.name.text)) {
        const shown = SHOWING_METHODS[node.expression.name.text] ?? [];
        report(node, node.arguments.filter((_, index) => shown.includes(index)).flatMap(literalsIn));
      } else if (ts.isNewExpression(node)) {
        const shown = SHOWING_CLASSES[node.expression.getText().replace(/^vscode\./, '')] ?? [];
        report(node, (node.arguments ?? []).filter((_, index) => shown.includes(index)).flatMap(literalsIn));
      }
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text)) {
        report(node, literalsIn(node.right));
      } else if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText())) report(node, literalsIn(node.initializer));
      else if ((ts.isPropertyDeclaration(node) || ts.isGetAccessorDeclaration(node)) && SHOWN_PROPERTIES.has(node.name.getText())) {
        const value = ts.isPropertyDeclaration(node) ? node.initializer : undefined;
        if (value) report(node, literalsIn(value));
      }
    });
  }
  return found;
}

describe('l10n: the words Keyscope shows', () => {
  it('asks l10n.t with a plain string literal, so the bundle extraction sees every message', () => {
    const bad: string[] = [];
    for (const { path, ast } of files) {
      walk(ast, (node) => {
        if (!ts.isCallExpression(node) || !isTranslation(node)) return;
        const [message] = node.arguments;
        if (!message || !(ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) {
          bad.push(`${path}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
        }
      });
    }
    assert.deepEqual(bad, []);
  });

  it('translates when a message is made, never at module load (before the bundle is configured)', () => {
    const atLoad: string[] = [];
    for (const { path, ast } of files) {
      walk(ast, (node) => {
        if (!ts.isCallExpression(node) || !isTranslation(node)) return;
        for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
          // Inside a function, or a class field (set when an instance is made): translated when it runs.
          if (ts.isFunctionLike(parent) || ts.isPropertyDeclaration(parent)) return;
        }
        atLoad.push(`${path}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
      });
    }
    assert.deepEqual(atLoad, []);
  });

  it('shows no worded literal without l10n.t (notifications, picks, inputs, tree items, hovers, diagnostics, results, the panel)', () => {
    assert.deepEqual(untranslated(), []);
  });

  it('commits l10n/bundle.l10n.json as `npm run l10n` extracts it from src/ and webview/', async () => {
    const extracted = await getL10nJson(files.map(({ text }) => ({ contents: text, extension: '.ts' })));
    const committed = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as unknown;
    assert.ok(Object.keys(extracted).length > 150, `only ${Object.keys(extracted).length} messages extracted`);
    assert.deepEqual(committed, extracted, 'l10n/bundle.l10n.json is out of date: run `npm run l10n`');
  });

  it('hands the panel the bundle in its page, escaped, and the webview takes nothing but a bundle', () => {
    const page = (l10nBundle?: Record<string, string>): string =>
      renderPanelHtml({ cspSource: 'https://cdn', scriptUri: 'https://cdn/webview.js', styleUri: 'https://cdn/webview.css', scriptNonce: 'bm9uY2U=', styleNonce: 'c3R5bGU=', title: 'Unkey', init: { scope: { vendor: 'unkey', apiId: 'api_123' }, title: 'Unkey', unkeyVersion: 'v2' }, lang: 'de', ...(l10nBundle ? { l10nBundle } : {}) });
    const bundle = { Refresh: 'Aktualisieren', '"><script>alert(1)</script>': "</main>'&" };
    const html = page(bundle);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<html lang="de">/);
    const attribute = /data-l10n="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.deepEqual(parseL10nBundle(attribute.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))), bundle);
    assert.ok(!page().includes('data-l10n'), 'English: no bundle on the page');
    for (const bad of ['{"Refresh":1}', '["Refresh"]', 'not json', JSON.stringify({ Refresh: 'x'.repeat(10_001) }), JSON.stringify(Object.fromEntries(Array.from({ length: MAX_L10N_MESSAGES + 1 }, (_, index) => [`m${index}`, 'x'])))]) {
      assert.equal(parseL10nBundle(bad), undefined, bad.slice(0, 40));
    }
  });

  it('holds one @vscode/l10n for all host bundles (dist/l10n.js), so the bundle activation gives it reaches every module', async () => {
    interface Bundle {
      entry: string;
      outfile: string;
    }
    const { LAZY_BUNDLES, SHARED_MODULES, hostBundles } = (await import(pathToFileURL(join(root, 'scripts', 'lazy-bundles.mjs')).href)) as {
      LAZY_BUNDLES: Bundle[];
      SHARED_MODULES: Bundle[];
      hostBundles(ownEntry: string): Plugin;
    };
    assert.ok(SHARED_MODULES.some((module) => module.outfile === 'dist/l10n.js'));
    for (const entry of ['src/extension.ts', ...[...LAZY_BUNDLES, ...SHARED_MODULES].map((bundle) => bundle.entry)]) {
      const result = await build({
        entryPoints: [join(root, entry)],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'node',
        format: 'cjs',
        external: ['vscode'],
        logLevel: 'silent',
        outfile: 'out.js',
        plugins: [hostBundles(entry)],
      });
      const copies = Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules/@vscode/l10n/'));
      if (entry === 'src/text/l10n.ts') assert.ok(copies.length > 0, 'dist/l10n.js does not hold @vscode/l10n');
      else assert.deepEqual(copies, [], `${entry} bundles a copy of @vscode/l10n of its own`);
    }
  });

  it('reads a translation from the bundle it is given, and is English again without one', () => {
    const now = Date.UTC(2025, 0, 10);
    try {
      l10n.config({ contents: { Expired: 'Abgelaufen', 'expired {0} ago': 'vor {0} abgelaufen', '{0} days': '{0} Tage' } });
      assert.equal(statusText('Expired'), 'Abgelaufen');
      assert.deepEqual(expiryState(now - 3 * 86_400_000, { now, expiresSoonDays: 7 }), { kind: 'expired', text: 'vor 3 Tage abgelaufen' });
    } finally {
      l10n.config({ contents: {} });
    }
    assert.equal(statusText('Expired'), 'Expired');
    assert.deepEqual(expiryState(now - 3 * 86_400_000, { now, expiresSoonDays: 7 }), { kind: 'expired', text: 'expired 3 days ago' });
  });
});
