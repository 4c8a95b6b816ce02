// What each bundle holds: the extension host never loads the webview's libraries (chart.js, the
// toolkit and its FAST runtime), and the webview gets zod's small build, not the whole of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';

/** Source files with code in the bundle of `entry`. */
async function inputsOf(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    external: ['vscode'],
    logLevel: 'silent',
    outfile: 'out.js',
  });
  const metafile: Metafile = result.metafile;
  // Files whose code made it into the bundle (tree-shaken ones are listed with 0 bytes).
  return Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path));
}

describe('panel bundles', () => {
  it('keeps chart.js and the webview toolkit out of the extension host bundle', async () => {
    const inputs = await inputsOf('src/extension.ts', 'node');
    assert.ok(inputs.some((input) => input.startsWith('src/panel/')), 'the panel is not in the host bundle at all');
    const leaked = inputs.filter((input) => /node_modules\/(chart\.js|@vscode\/webview-ui-toolkit|@microsoft\/fast-)/.test(input) || input.startsWith('webview/'));
    assert.deepEqual(leaked, []);
  });

  it('builds the webview from webview/ with chart.js and the toolkit, and zod/mini only', async () => {
    const inputs = await inputsOf('webview/main.ts', 'browser');
    assert.ok(inputs.some((input) => input.includes('node_modules/chart.js/')));
    assert.ok(inputs.some((input) => input.includes('node_modules/@vscode/webview-ui-toolkit/')));
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules/zod/v4/classic/') || input.includes('node_modules/zod/v4/locales/')), []);
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules/undici/') || input.includes('src/vendors/') && !input.endsWith('model.ts')), []);
  });
});
