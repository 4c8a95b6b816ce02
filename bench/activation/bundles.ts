// Figure 1, bundles: the one loaded at activation (its size, and that it holds no undici, webview
// code, chart.js or toolkit), the ones it requires on first use, and all JavaScript the .vsix ships.
import { join } from 'node:path';
import { bundleBreakdown, fileBytes, lazyBundles, readText, repoRoot, type ProductionBuild } from '../lib/bundle';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { shippedFiles } from '../lib/shipped';

const KB = 1024;
const SECTION = '1 activation';

/** What must stay out of the activation bundle: the lazily loaded HTTP library, the webview's code and its packages. */
const FORBIDDEN = [
  // llhttp's WebAssembly, embedded in base64 ("\0asm" is AGFzbQ): undici's own, in dist/http.js only.
  { name: 'undici', path: /node_modules\/undici\//, text: /AGFzbQ/ },
  { name: 'chart.js', path: /node_modules\/chart\.js\//, text: /Chart\.js v\d/ },
  { name: '@vscode/webview-ui-toolkit', path: /node_modules\/@vscode\/webview-ui-toolkit\//, text: /webview-ui-toolkit|vscode-data-grid/ },
  { name: 'webview/ code', path: /(^|\/)webview\//, text: /acquireVsCodeApi/ },
];

function largestParts(breakdown: Array<{ name: string; bytes: number }>, count: number): string {
  return breakdown
    .slice(0, count)
    .map((input) => `${input.name} ${(input.bytes / KB).toFixed(0)} KB`)
    .join(', ');
}

export async function bundleFigures(build: ProductionBuild): Promise<Figure[]> {
  const lazy = await lazyBundles();
  const shared = lazy.SHARED_MODULES.map((module) => ({ path: module.outfile, bytes: fileBytes(join(build.dir, module.outfile)) }));
  const bytes = fileBytes(build.hostBundle) + shared.reduce((sum, module) => sum + module.bytes, 0);
  const breakdown = await bundleBreakdown(join(repoRoot, 'src', 'extension.ts'), 'node', [lazy.hostBundles('src/extension.ts')]);
  const text = readText(build.hostBundle);
  const found = FORBIDDEN.filter((item) => breakdown.some((input) => item.path.test(input.name)) || item.text.test(text));
  const figures = [
    figure({
      section: SECTION,
      name: 'bundle loaded at activation: dist/extension.js and the shared modules it requires (scripts/build.mjs --production)',
      value: bytes / KB,
      unit: 'KB',
      budget: atMost(150, 'KB'),
      note: `shared modules: ${shared.map((module) => `${module.path} ${(module.bytes / KB).toFixed(1)} KB`).join(', ')}; largest parts of dist/extension.js (minified bytes in output, from an esbuild metafile of the same entry and plugins): ${largestParts(breakdown, 6)}`,
    }),
    figure({
      section: SECTION,
      name: 'bundle loaded at activation holds undici / chart.js / toolkit / webview code',
      value: found.length,
      unit: found.length === 0 ? '(none)' : `(${found.map((item) => item.name).join(', ')})`,
      budget: exactly(0, '= 0'),
      note: 'checked in the bundle inputs (esbuild metafile) and by grepping the built file',
    }),
  ];
  for (const bundle of lazy.LAZY_BUNDLES) {
    const parts = await bundleBreakdown(join(repoRoot, bundle.entry), 'node', [lazy.hostBundles(bundle.entry)]);
    figures.push(
      figure({
        section: SECTION,
        name: `bundle loaded on first use: ${bundle.outfile}`,
        value: fileBytes(join(build.dir, bundle.outfile)) / KB,
        unit: 'KB',
        note: `required by dist/extension.js on first use, not at activation; largest parts: ${largestParts(parts, 3)}`,
      }),
    );
  }
  const shippedJs = shippedFiles(build).filter((file) => file.path.endsWith('.js'));
  figures.push(
    figure({
      section: SECTION,
      name: 'all shipped JavaScript: every .js in the .vsix',
      value: shippedJs.reduce((sum, file) => sum + file.bytes, 0) / KB,
      unit: 'KB',
      budget: atMost(1_200, 'KB'),
      note: `files as \`vsce ls\` lists them (the .vscodeignore allowlist): ${shippedJs.map((file) => `${file.path} ${(file.bytes / KB).toFixed(1)} KB`).join(', ')}`,
    }),
  );
  return figures;
}
