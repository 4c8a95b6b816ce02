// The manifest's words live in package.nls.json (English, the only language shipped): every title,
// description and walkthrough text in package.json is a '%key%' with an entry there, and every entry
// is used. Only the product's name stays as it is (displayName, and the commands' category).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, unknown> & { contributes: unknown; capabilities: unknown };
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, unknown>;

/** Fields whose text a person reads in VS Code or on the Marketplace. */
const WORDS = new Set(['title', 'description', 'markdownDescription', 'enumDescriptions', 'name', 'contextualTitle', 'contents', 'altText']);
/** The product's name, the same in every language. */
const NAME_ONLY = new Set(['category']);

/** [path, value] of every string in `value`, with the field name it sits under (an array's items under the array's). */
function strings(value: unknown, path: string, field: string): Array<{ path: string; field: string; text: string }> {
  if (typeof value === 'string') return [{ path, field, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`, field));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`, key));
  return [];
}

const KEY = /^%([^%\s]+)%$/;
const found = [...strings(manifest.contributes, 'contributes', ''), ...strings(manifest.capabilities, 'capabilities', ''), ...strings(manifest.description, 'description', 'description')];

describe('manifest: localizable words (package.nls.json)', () => {
  it('gives every %key% in package.json an English entry in package.nls.json', () => {
    const keys = [...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((match) => match[1] ?? '');
    assert.ok(keys.length >= 40, `only ${keys.length} %key% references`);
    const missing = keys.filter((key) => typeof nls[key] !== 'string' || (nls[key] as string).trim() === '');
    assert.deepEqual(missing, [], 'keys with no entry in package.nls.json');
  });

  it('uses every entry of package.nls.json', () => {
    const used = new Set([...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((match) => match[1]));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'entries no %key% refers to');
  });

  it('takes every title, description and walkthrough text from package.nls.json', () => {
    const literal = found.filter(({ field, text }) => WORDS.has(field) && !KEY.test(text) && !NAME_ONLY.has(field)).map(({ path, text }) => `${path}: ${text}`);
    assert.deepEqual(literal, []);
    assert.match(String(manifest.description), KEY);
  });
});
