// What `npm run package` ships: only the allowlisted files (.vscodeignore), as vsce itself lists them,
// and the manifest fields the Marketplace and Open VSX show.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const ALLOWED = [/^package\.json$/, /^package\.nls\.json$/, /^l10n\/bundle\.l10n\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^dist\/[a-z0-9-]+\.js$/, /^media\/[\w./-]+\.(js|css|svg|png)$/];

describe('the packaged extension', () => {
  it('holds only allowlisted files: no sources, maps, tests or dependencies', () => {
    const result = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const files = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png']) assert.ok(files.includes(required), `${required} is not packaged`);
    assert.deepEqual(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file))), []);
  });

  it('names its icon, banner, keywords and placeholder links, and every walkthrough image exists', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      icon: string;
      galleryBanner: { color: string };
      keywords: string[];
      homepage: string;
      bugs: { url: string };
      contributes: { walkthroughs: { steps: { media: { image: Record<string, string> } }[] }[] };
    };
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(manifest.keywords.length >= 3 && manifest.keywords.length <= 30);
    assert.match(manifest.homepage, /placeholder/);
    assert.match(manifest.bugs.url, /placeholder/);
    const images = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.flatMap((step) => Object.values(step.media.image)));
    assert.ok(images.length >= 8);
    for (const image of images) assert.ok(readFileSync(join(root, image)).length > 0, image);
  });
});
