// The contract between the emulator's HTTP server and each vendor's emulation.
import type { IncomingHttpHeaders } from 'node:http';
import type { VendorId } from '../../src/vendor-id';

export interface EmulatorRequest {
  method: string;
  /** The path after the vendor's prefix, e.g. "/api/ai/GetKeyDevices" or "/v1/analytics.getVerifications". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON. */
  body: unknown;
}

export interface VendorEmulator {
  readonly vendor: VendorId;
  /** A token that sees all seeded data. */
  readonly token: string;
  handle(request: EmulatorRequest): EmulatorResponse | Promise<EmulatorResponse>;
  /** The vendor's own error body for an injected status fault (429, 5xx). */
  errorBody(status: number): unknown;
  close?(): Promise<void>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): EmulatorResponse {
  return headers ? { status, body, headers } : { status, body };
}
