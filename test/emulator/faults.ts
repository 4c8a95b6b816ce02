// Faults injected into the emulator's answers, per request: the failures a vendor can throw at a client.
import type { VendorId } from '../../src/vendor-id';

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  | { kind: 'resetMidBody' }
  | { kind: 'truncate' }
  | { kind: 'wrongShape' }
  | { kind: 'html'; status: number }
  | { kind: 'hugeBody'; bytes: number }
  | { kind: 'hang' };

export interface FaultRule {
  vendor?: VendorId;
  /** Applies when the request path (after the vendor prefix) contains this text. */
  path?: string;
  fault: Fault;
  /** How many requests it applies to; unlimited when absent. */
  times?: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults for one request, in the order added; a rule used up is dropped. */
  take(vendor: VendorId, path: string): Fault[] {
    const faults: Fault[] = [];
    for (const rule of this.rules) {
      if (rule.vendor !== undefined && rule.vendor !== vendor) continue;
      if (rule.path !== undefined && !path.includes(rule.path)) continue;
      faults.push(rule.fault);
      if (rule.times !== undefined) rule.times -= 1;
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.times > 0);
    return faults;
  }
}
