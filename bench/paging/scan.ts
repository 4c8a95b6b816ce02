// What the paging children report, shared by the children and their parents (children are entry
// points only: importing one would run it).
import type { HeapPeak } from '../lib/heap';
import type { EmulatorEndpoints } from '../lib/keyscope';
import type { UnkeyApiVersion } from '../../src/vendors/unkey/types';

export interface ScanRun {
  rows: number;
  requests: number;
  wallMs: number;
  heap: HeapPeak;
}

/** client: CryptolensClient.summaryPages, rows counted and dropped; service: UsageService.allLicenseKeys (kept, as the hover index keeps them). */
export type ScanMode = 'client' | 'service';

export interface ScanInput {
  origin: string;
  endpoints: EmulatorEndpoints;
  mode: ScanMode;
  runs: number;
}

export interface ListInput {
  origin: string;
  endpoints: EmulatorEndpoints;
  version: UnkeyApiVersion;
  apiId: string;
  runs: number;
}

/** Unkey's largest page, in both versions. */
export const UNKEY_PAGE = 100;
