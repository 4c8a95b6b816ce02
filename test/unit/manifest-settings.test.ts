// Every setting the code reads is declared in package.json, and every declared setting is read;
// each explains itself (a Markdown description, an order, enum descriptions).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

interface Setting {
  markdownDescription?: string;
  order?: number;
  enum?: unknown[];
  enumDescriptions?: string[];
}

const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
// As VS Code shows it: each '%key%' replaced with its English text from package.nls.json.
const resolve = (_key: string, value: unknown): unknown => (typeof value === 'string' && /^%[^%\s]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'), resolve) as {
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, Setting> } };
};
const declared = manifest.contributes.configuration.properties;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
  );
}

/** Setting ids named in the code: 'keyscope.<group>.<name>' literals, and reads relative to getConfiguration('keyscope'). */
function settingsInCode(): Set<string> {
  const notSettings = new Set([...manifest.contributes.commands.map((command) => command.command), 'keyscope.keys.focus']);
  const found = new Set<string>();
  for (const text of sources(join(root, 'src'))) {
    for (const [, id] of text.matchAll(/['"`](keyscope\.[a-zA-Z]+\.[a-zA-Z]+)['"`]/g)) if (id && !notSettings.has(id)) found.add(id);
    if (text.includes("getConfiguration('keyscope')")) {
      for (const [, relative] of text.matchAll(/\.get<[^>]+>\('([a-zA-Z]+\.[a-zA-Z]+)'/g)) found.add(`keyscope.${relative}`);
    }
  }
  return found;
}

describe('manifest: settings', () => {
  it('declares every setting the code reads, and reads every setting it declares', () => {
    assert.deepEqual([...settingsInCode()].sort(), Object.keys(declared).sort());
  });

  it('explains each setting in Markdown, in a set order, with a description for every enum value', () => {
    const orders = new Set<number>();
    for (const [id, setting] of Object.entries(declared)) {
      assert.ok((setting.markdownDescription ?? '').length > 20, `${id} has no markdownDescription`);
      assert.equal(typeof setting.order, 'number', `${id} has no order`);
      orders.add(setting.order ?? -1);
      if (setting.enum) assert.equal(setting.enumDescriptions?.length, setting.enum.length, `${id}: enum values without descriptions`);
    }
    assert.equal(orders.size, Object.keys(declared).length, 'two settings share an order');
  });

  it('links related settings to each other', () => {
    const links = Object.values(declared).flatMap((setting) => [...(setting.markdownDescription ?? '').matchAll(/\(#(keyscope\.[\w.]+)\)/g)].map((match) => match[1]));
    assert.ok(links.length >= 4);
    for (const link of links) assert.ok(link && link in declared, `a link to an undeclared setting: ${link}`);
  });
});
