// Figure 2: the webview bundle as the production build makes it, and what it is made of.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBreakdown, fileBytes, repoRoot, type ProductionBuild } from '../lib/bundle';
import { figure, type Figure } from '../lib/figure';

const KB = 1024;
const SECTION = '2 webview';

export async function webviewBundleFigures(build: ProductionBuild): Promise<Figure[]> {
  const css = join(build.dir, 'media', 'webview.css');
  const breakdown = await bundleBreakdownBrowser();
  return [
    figure({
      section: SECTION,
      name: 'webview bundle media/webview.js (scripts/build.mjs --production)',
      value: fileBytes(build.webviewBundle) / KB,
      unit: 'KB',
      note: `${existsSync(css) ? `plus webview.css ${(fileBytes(css) / KB).toFixed(1)} KB; ` : ''}largest parts: ${breakdown}`,
    }),
  ];
}

async function bundleBreakdownBrowser(): Promise<string> {
  const parts = await bundleBreakdown(join(repoRoot, 'webview', 'main.ts'), 'browser');
  return parts
    .slice(0, 5)
    .map((part) => `${part.name} ${(part.bytes / KB).toFixed(0)} KB`)
    .join(', ');
}
