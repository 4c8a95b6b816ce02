// What a cached answer holds in memory, estimated in one walk over it with V8's 64-bit layout (Node
// runs without pointer compression): an object is a 24-byte header plus an 8-byte slot per property,
// an array 48 bytes plus 8 per element, a string 16 bytes plus its characters (1 byte each when all
// are Latin-1, else 2), a number outside 31-bit integers a 16-byte heap number. Strings the runtime
// shares (the vendor id on every row) are counted each time, so the estimate errs high, never low.

const OBJECT_BYTES = 24;
const ARRAY_BYTES = 48;
const SLOT_BYTES = 8;
const STRING_BYTES = 16;
const HEAP_NUMBER_BYTES = 16;
const MAP_ENTRY_BYTES = 40;
const TWO_BYTE = /[^\u0000-\u00ff]/;

/** Estimated heap bytes of `value` and everything it reaches (each object once). */
export function estimateBytes(value: unknown): number {
  let bytes = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
        bytes += STRING_BYTES + roundUp(TWO_BYTE.test(item) ? item.length * 2 : item.length);
        break;
      case 'number':
        if (!(Number.isInteger(item) && Math.abs(item) < 2 ** 30)) bytes += HEAP_NUMBER_BYTES;
        break;
      case 'object':
        if (item === null || seen.has(item)) break;
        seen.add(item);
        if (Array.isArray(item)) {
          bytes += ARRAY_BYTES + item.length * SLOT_BYTES;
          for (const element of item as unknown[]) stack.push(element);
        } else if (item instanceof Map) {
          bytes += OBJECT_BYTES + item.size * MAP_ENTRY_BYTES;
          for (const [key, entry] of item as Map<unknown, unknown>) stack.push(key, entry);
        } else if (item instanceof Set) {
          bytes += OBJECT_BYTES + item.size * MAP_ENTRY_BYTES;
          for (const entry of item as Set<unknown>) stack.push(entry);
        } else {
          const entries = Object.values(item as Record<string, unknown>);
          bytes += OBJECT_BYTES + entries.length * SLOT_BYTES;
          for (const entry of entries) stack.push(entry);
        }
        break;
      default:
        // booleans, undefined, bigint and functions are not in vendor answers; a slot holds them.
        break;
    }
  }
  return bytes;
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / SLOT_BYTES) * SLOT_BYTES;
}
