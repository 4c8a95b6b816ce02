// Peak V8 heap over a piece of work: sampled on a timer and at every checkpoint the work offers
// (a page arriving), after a full GC beforehand so the baseline is what the process really holds.
import { getHeapStatistics } from 'node:v8';

export interface HeapPeak {
  /** heapUsed after a forced GC, before the work. */
  baselineBytes: number;
  /** Highest heapUsed seen while the work ran. */
  peakBytes: number;
  /** Highest resident set size seen. */
  peakRssBytes: number;
  /** heapUsed after the work and a forced GC: what the result keeps alive. */
  retainedBytes: number;
}

export interface HeapProbe {
  /** Call from inside the work at natural points (each page). */
  sample(): void;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

/** Runs `work` and reports its peak heap; `keep` holds the result alive until after the last GC. */
export async function measureHeap<T>(work: (probe: HeapProbe) => Promise<T>): Promise<{ result: T; heap: HeapPeak }> {
  collect();
  const baselineBytes = getHeapStatistics().used_heap_size;
  let peakBytes = baselineBytes;
  let peakRssBytes = process.memoryUsage.rss();
  const sample = (): void => {
    const used = getHeapStatistics().used_heap_size;
    if (used > peakBytes) peakBytes = used;
    const rss = process.memoryUsage.rss();
    if (rss > peakRssBytes) peakRssBytes = rss;
  };
  const timer = setInterval(sample, 2);
  let result: T;
  try {
    result = await work({ sample });
    sample();
  } finally {
    clearInterval(timer);
  }
  collect();
  const retainedBytes = getHeapStatistics().used_heap_size;
  return { result, heap: { baselineBytes, peakBytes, peakRssBytes, retainedBytes } };
}
