// What the cache figure's child reports, shared by the child and its parent (the child is an entry
// point only: importing it would run it).
import type { HeapPeak } from '../lib/heap';
import type { EmulatorEndpoints } from '../lib/keyscope';

export interface CacheInput {
  origin: string;
  endpoints: EmulatorEndpoints;
  lookups: number;
  /** Lift the caps, as the cache was before issue 12, for comparison. */
  unbounded: boolean;
}

export interface CacheRun {
  lookups: number;
  requests: number;
  entries: number;
  estimatedBytes: number;
  heap: HeapPeak;
  wallMs: number;
}
