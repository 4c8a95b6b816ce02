// Deterministic mutations of vendor JSON, at the value level (drop, retype, swap arrays and objects,
// extreme numbers, hostile strings, deep nesting) and at the text level (truncation, stray bytes,
// number literals JSON.stringify never writes, duplicate and __proto__ keys).
import type { Random } from '../../emulator/random';
import { HOSTILE_STRINGS } from './hostile-strings';

type Json = unknown;
type Container = Record<string, Json> | Json[];

const NUMBERS: readonly number[] = [
  0, -0, -1, 1, 0.5, -0.5, 1.5, 255, 65_535, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53) - 2,
  1e15, 1e16, 8.64e15, 8.64e15 + 1, 1e21, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, 1_748_131_200, 1_736_672_400_000,
];

const NANISH: readonly string[] = ['NaN', 'Infinity', '-Infinity', '-0', '1e999', '0x10', '1_000', '١٢٣', '12abc', ' 42 ', '', '9'.repeat(400), '-1', '1.5'];

function isContainer(value: Json): value is Container {
  return typeof value === 'object' && value !== null;
}

/** A deep copy of parsed JSON (plain objects, arrays and primitives only). */
function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (isContainer(value)) {
    const copy: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) copy[key] = clone(child);
    return copy;
  }
  return value;
}

/** A nested structure `depth` levels deep, built without recursion. */
export function deepNest(depth: number, random: Random): Json {
  let value: Json = random.pick(['bottom', 0, null]);
  for (let i = 0; i < depth; i++) value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

export function junkValue(random: Random, budget = 3): Json {
  switch (random.int(0, 9)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NUMBERS) * (random.chance(0.2) ? -1 : 1);
    case 3:
      return random.pick(NANISH);
    case 4:
    case 5:
      return random.pick(HOSTILE_STRINGS);
    case 6:
      return budget > 0 ? Array.from({ length: random.int(0, 4) }, () => junkValue(random, budget - 1)) : [];
    case 7:
      return budget > 0 ? Object.fromEntries(Array.from({ length: random.int(0, 4) }, (_, i) => [junkKey(random, i), junkValue(random, budget - 1)])) : {};
    case 8:
      return deepNest(random.int(20, 200), random);
    default:
      return randomText(random, random.int(0, 40));
  }
}

function junkKey(random: Random, index: number): string {
  return random.chance(0.3) ? random.pick(['__proto__', 'constructor', 'prototype', 'toString', '']) : `k${index}_${random.int(0, 999)}`;
}

/** Random UTF-16 code units, lone surrogates and controls included. */
export function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    const code = roll < 0.6 ? random.int(0x20, 0x7e) : roll < 0.75 ? random.int(0, 0x1f) : roll < 0.85 ? random.int(0xd800, 0xdfff) : random.int(0x80, 0xffff);
    text += String.fromCharCode(code);
  }
  return text;
}

function mutateNumber(value: number, random: Random): Json {
  switch (random.int(0, 6)) {
    case 0:
      return -value;
    case 1:
      return value * 1_000_000;
    case 2:
      return value + 0.5;
    case 3:
      return random.pick(NUMBERS);
    case 4:
      return String(value);
    case 5:
      return random.pick(NANISH);
    default:
      return value === 0 ? null : [value];
  }
}

function mutateString(value: string, random: Random): Json {
  switch (random.int(0, 7)) {
    case 0:
      return value + random.pick(HOSTILE_STRINGS);
    case 1:
      return random.pick(HOSTILE_STRINGS);
    case 2:
      return value.slice(0, random.int(0, value.length));
    case 3:
      return value.repeat(random.int(2, 1_000)).slice(0, 40_000);
    case 4: {
      const at = random.int(0, value.length);
      return value.slice(0, at) + randomText(random, random.int(1, 6)) + value.slice(at);
    }
    case 5:
      return Number(value) || random.pick(NUMBERS);
    case 6:
      return value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase();
    default:
      return random.pick(NANISH);
  }
}

/** A different value in place of `value`: same kind, tweaked, or another kind altogether. */
function mutateLeafOrNode(value: Json, random: Random): Json {
  if (random.chance(0.2)) return junkValue(random);
  if (typeof value === 'number') return mutateNumber(value, random);
  if (typeof value === 'string') return mutateString(value, random);
  if (typeof value === 'boolean') return random.pick([!value, String(value), value ? 1 : 0, null]);
  if (value === null) return junkValue(random);
  if (Array.isArray(value)) {
    switch (random.int(0, 4)) {
      case 0:
        return Object.fromEntries(value.map((item, index) => [String(index), item]));
      case 1:
        return [];
      case 2:
        // Shared references: later mutations may touch several copies at once, which is fine here.
        return value.length > 0 ? Array.from({ length: random.int(2, 200) }, () => random.pick(value)) : [junkValue(random)];
      case 3:
        return [...value].reverse();
      default:
        return value[0] ?? null;
    }
  }
  if (isContainer(value)) {
    switch (random.int(0, 2)) {
      case 0:
        return Object.values(value);
      case 1:
        return {};
      default:
        return [value];
    }
  }
  return junkValue(random);
}

interface Slot {
  parent: Container | undefined;
  key: string | number | undefined;
  value: Json;
}

function slots(root: Json): Slot[] {
  const found: Slot[] = [{ parent: undefined, key: undefined, value: root }];
  const stack: Json[] = [root];
  while (stack.length > 0 && found.length < 5_000) {
    const node = stack.pop();
    if (!isContainer(node)) continue;
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node);
    for (const [key, value] of entries) {
      found.push({ parent: node, key, value });
      stack.push(value);
    }
  }
  return found;
}

function setSlot(slot: Slot, value: Json, root: Json): Json {
  if (slot.parent === undefined) return value;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else slot.parent[slot.key as string] = value;
  return root;
}

function dropSlot(slot: Slot, root: Json): Json {
  if (slot.parent === undefined) return emptyLike(root);
  if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
  else delete slot.parent[slot.key as string];
  return root;
}

function emptyLike(root: Json): Json {
  return isContainer(root) ? (Array.isArray(root) ? [] : {}) : null;
}

/** 1–4 mutations of a deep copy of `seed`. */
export function mutateValue(seed: Json, random: Random): Json {
  let root = clone(seed);
  const count = random.int(1, 4);
  for (let i = 0; i < count; i++) {
    const all = slots(root);
    const slot = random.pick(all);
    const roll = random.next();
    if (roll < 0.25) root = dropSlot(slot, root);
    else if (roll < 0.35 && isContainer(slot.value) && !Array.isArray(slot.value)) slot.value[junkKey(random, i)] = junkValue(random);
    else root = setSlot(slot, mutateLeafOrNode(slot.value, random), root);
  }
  return root;
}

/** Damage to the serialized body itself; `text` is valid JSON on the way in. */
export function mutateText(text: string, random: Random): string {
  switch (random.int(0, 11)) {
    case 0:
      return text.slice(0, random.int(0, Math.max(0, text.length - 1)));
    case 1: {
      const at = random.int(0, text.length);
      return text.slice(0, at) + randomText(random, random.int(1, 3)) + text.slice(at + 1);
    }
    case 2:
      return `\uFEFF${text}`;
    case 3:
      return random.pick(['', ' ', 'null', 'true', '0', '"text"', '[]', '{}', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'Internal Server Error']);
    case 4:
      return text.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/i, random.pick(['1e999', '-1e999', '-0', '123456789012345678901234567890', '0.0000000000000000001', '1E400']));
    case 5:
      return text.replace(/^\s*\{/, random.pick(['{"__proto__":{"polluted":1},', '{"constructor":{"prototype":{"polluted":1}},', '{"result":1,"message":"dup",']));
    case 6:
      return `${'['.repeat(random.int(1_000, 20_000))}${text}`;
    case 7:
      return `${text}${random.pick(['garbage', '}', ']', ',', '\u0000'])}`;
    case 8:
      return text.replace(/"([^"\\]{1,40})"/, (_match, inner: string) => `"${inner}\\ud800"`);
    case 9:
      return `  \n\t${text}\r\n `;
    case 10:
      return text.replace(/:/, ':\n\n');
    default:
      return `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  }
}

/** Same-kind changes only (hostile text for text, extreme integers for numbers): most still parse. */
export function mutateGently(seed: Json, random: Random): Json {
  let root = clone(seed);
  const leaves = slots(root).filter((slot) => !isContainer(slot.value) && slot.parent !== undefined);
  for (let i = random.int(1, 3); i > 0 && leaves.length > 0; i--) {
    const slot = random.pick(leaves);
    const value = slot.value;
    let next: Json = value;
    if (typeof value === 'string') next = random.chance(0.6) ? random.pick(HOSTILE_STRINGS) : randomText(random, random.int(0, 64));
    else if (typeof value === 'number') next = random.chance(0.5) ? random.int(0, 2_000_000_000) : random.pick(NUMBERS.filter(Number.isInteger)) * (random.chance(0.1) ? -1 : 1);
    else if (typeof value === 'boolean') next = !value;
    root = setSlot(slot, next, root);
  }
  return root;
}
