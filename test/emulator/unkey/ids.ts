// Unkey-looking ids ("key_2zeYsLbpULnEUsvYeFGMeJzACp4j"), drawn from the seeded PRNG so every run matches.
import type { Random } from '../random';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function randomId(random: Random, prefix: string, length = 24): string {
  let id = '';
  for (let i = 0; i < length; i++) id += BASE58[Math.floor(random.next() * BASE58.length)];
  return `${prefix}_${id}`;
}

/** Ids of the requests an emulator answers: unique within it, and the same on every run. */
export function requestIdFactory(random: Random): () => string {
  return () => randomId(random, 'req', 20);
}
