// Random and hostile vendor strings through plainText / markdownText, the only way vendor text
// reaches labels, tooltips, QuickPicks, hovers and the panel: the result is always inert, one line,
// bounded and valid UTF-16.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownText, plainText } from '../../src/text/untrusted';
import { createRandom } from '../emulator/random';
import { HOSTILE_STRINGS } from '../hardening/fuzz/hostile-strings';
import { randomText } from '../hardening/fuzz/mutate';

const CASES = 10_000;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Markdown that could make a link, an image, HTML, an autolink or a command out of text.
const ACTIVE_MARKDOWN = /[[\]()<>!]|:\/\/|www\.|command:/i;

function sample(index: number): { text: string; max: number } {
  const random = createRandom(0x7e57 + index);
  const parts = Array.from({ length: random.int(1, 4) }, () => (random.chance(0.5) ? random.pick(HOSTILE_STRINGS) : randomText(random, random.int(0, 300))));
  return { text: parts.join(random.pick(['', ' ', '\n', '\u202e'])), max: random.pick([1, 2, 20, 80, 120, 200, 256]) };
}

function problems(out: string, max: number): string[] {
  const found: string[] = [];
  if (out.length > max) found.push(`longer than ${max}: ${out.length}`);
  if (CONTROLS.test(out)) found.push('holds a control character');
  if (BIDI.test(out)) found.push('holds a bidi control');
  if (LONE_SURROGATE.test(out)) found.push('holds a lone surrogate (invalid UTF-16)');
  return found;
}

/** One example per kind of failure: the shortest input that shows it. */
function keepShortest(failures: Map<string, string>, problem: string, text: string, max: number): void {
  const example = JSON.stringify({ text: text.slice(0, 300), max });
  const known = failures.get(problem);
  if (known === undefined || example.length < known.length) failures.set(problem, example);
}

describe('fuzz: untrusted text helpers', () => {
  it(`plainText: ${CASES} strings come out one line, bounded, without controls, bidi or lone surrogates`, () => {
    const failures = new Map<string, string>();
    for (let index = 0; index < CASES; index++) {
      const { text, max } = sample(index);
      for (const problem of problems(plainText(text, max), max)) keepShortest(failures, problem, text, max);
    }
    process.stdout.write(`fuzz plainText: ${CASES} cases, ${failures.size} kinds of failure\n`);
    assert.deepEqual([...failures].map(([problem, input]) => `${problem} e.g. plainText(${input})`), []);
  });

  it(`markdownText: ${CASES} strings leave no active Markdown once escapes are taken out`, () => {
    const failures = new Map<string, string>();
    for (let index = 0; index < CASES; index++) {
      const { text, max } = sample(index);
      const out = markdownText(text, max);
      const bare = out.replace(/\\[\s\S]/g, '');
      const found = [...problems(out.replace(/\\([\s\S])/g, '$1'), max), ...(ACTIVE_MARKDOWN.test(bare) ? [`unescaped ${ACTIVE_MARKDOWN.exec(bare)?.[0] ?? ''}`] : [])];
      for (const problem of found) keepShortest(failures, problem, text, max);
    }
    process.stdout.write(`fuzz markdownText: ${CASES} cases, ${failures.size} kinds of failure\n`);
    assert.deepEqual([...failures].map(([problem, input]) => `${problem} e.g. markdownText(${input})`), []);
  });
});
