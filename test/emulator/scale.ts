// How much data the emulator seeds. Tests use SMALL_SCALE for speed; the demo and benchmarks the default.

export interface Scale {
  products: number;
  licenseKeys: number;
  devices: number;
  unkeyApis: number;
  /** Keys of the largest Unkey API; the others get fewer. */
  unkeyKeys: number;
  /** Days of hourly verification history. */
  unkeyDays: number;
  runtypeKeys: number;
}

export const DEFAULT_SCALE: Scale = {
  products: 3,
  licenseKeys: 5_000,
  devices: 20_000,
  unkeyApis: 3,
  unkeyKeys: 2_000,
  unkeyDays: 90,
  runtypeKeys: 50,
};

export const SMALL_SCALE: Scale = {
  products: 3,
  licenseKeys: 250,
  devices: 600,
  unkeyApis: 3,
  unkeyKeys: 120,
  unkeyDays: 14,
  runtypeKeys: 12,
};

/** What every vendor emulator is built from. */
export interface SeedOptions {
  scale: Scale;
  seed: number;
  /** The emulator's "now" in Unix ms: data is laid out before it, and `end` defaults to it. */
  now: number;
}
