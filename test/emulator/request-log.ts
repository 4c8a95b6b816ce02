// Counts what the emulator was asked, so tests and benchmarks can measure a client's quota use.
import type { VendorId } from '../../src/vendor-id';

export interface RecordedRequest {
  vendor: VendorId;
  method: string;
  /** The path only: bodies and query strings are not kept. */
  path: string;
  at: number;
}

export interface RequestSummary {
  total: number;
  byVendor: Record<string, number>;
  byPath: Record<string, number>;
}

export class RequestLog {
  private entries: RecordedRequest[] = [];

  record(vendor: VendorId, method: string, path: string): void {
    this.entries.push({ vendor, method, path, at: Date.now() });
  }

  count(filter: { vendor?: VendorId; path?: string } = {}): number {
    return this.entries.filter(
      (entry) =>
        (filter.vendor === undefined || entry.vendor === filter.vendor) &&
        (filter.path === undefined || entry.path.includes(filter.path)),
    ).length;
  }

  all(): readonly RecordedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  summary(): RequestSummary {
    const byVendor: Record<string, number> = {};
    const byPath: Record<string, number> = {};
    for (const entry of this.entries) {
      byVendor[entry.vendor] = (byVendor[entry.vendor] ?? 0) + 1;
      const key = `${entry.vendor} ${entry.path}`;
      byPath[key] = (byPath[key] ?? 0) + 1;
    }
    return { total: this.entries.length, byVendor, byPath };
  }
}
