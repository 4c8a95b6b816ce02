// The fault matrix: every vendor × every way a vendor call can go wrong, with the cause a person must
// be told. Latency is survived (a slow answer is still an answer); everything else must fail cleanly.
import type { Fault } from '../../emulator/faults';
import type { VendorId } from '../../../src/vendor-id';

export interface FaultKind {
  name: string;
  fault: Fault;
  /** What the message must name as the cause; undefined when the calls must succeed. */
  cause: RegExp | undefined;
}

/** The extension's HTTP timeout during the matrix: above the 10 s latency row, so only a hang times out. */
export const MATRIX_TIMEOUT_MS = 12_000;

export const FAULT_KINDS: readonly FaultKind[] = [
  { name: 'latency 10 s', fault: { kind: 'latency', ms: 10_000 }, cause: undefined },
  { name: '429 + Retry-After', fault: { kind: 'status', status: 429, retryAfter: '1' }, cause: /too many|rate.?limit|slow down|quota/i },
  { name: '429, no Retry-After', fault: { kind: 'status', status: 429 }, cause: /too many|rate.?limit|slow down|quota/i },
  { name: '500', fault: { kind: 'status', status: 500 }, cause: /500|error|unexpected/i },
  { name: '502', fault: { kind: 'status', status: 502 }, cause: /502|error|unavailable|unexpected/i },
  { name: '503', fault: { kind: 'status', status: 503 }, cause: /503|error|unavailable|unexpected/i },
  { name: 'reset mid-body', fault: { kind: 'resetMidBody' }, cause: /network|reset|closed|socket/i },
  { name: 'truncated JSON', fault: { kind: 'truncate' }, cause: /JSON|truncated/i },
  { name: 'wrong shape', fault: { kind: 'wrongShape' }, cause: /unexpected response|field/i },
  { name: 'HTML page', fault: { kind: 'html', status: 502 }, cause: /HTML/i },
  { name: '20 MB body', fault: { kind: 'hugeBody', bytes: 20 * 1024 * 1024 }, cause: /larger than/i },
  { name: 'accept, never answer', fault: { kind: 'hang' }, cause: /no response within|timed? ?out/i },
];

export const VENDORS: readonly VendorId[] = ['cryptolens', 'unkey', 'runtype'];

/** One row's outcome, as printed. */
export interface RowResult {
  vendor: VendorId;
  kind: string;
  survived: boolean;
  /** Requests the emulator received for the vendor while faulted, and in a healthy cycle. */
  requests: number;
  healthyRequests: number;
  /** Retries Keyscope logged for the vendor while faulted. */
  retries: number;
  maxRetryAttempt: number;
  /** What the tree, lookup and panel said. */
  messages: { tree: string; lookup: string; panel: string };
  problems: string[];
  seconds: number;
}
