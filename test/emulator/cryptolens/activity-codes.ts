// The Web API log state codes the emulation writes, read from CL:model/WebAPILog on their own (not
// shared with the client's decoder, so a decoder mistake cannot hide behind the same mistake here):
// digits 1–2 the method (10 validation, 20 activation, 30 key generation, 40 optional field,
// 60 deactivation, 70 other license change, 80 data object), digit 3 success (1) or failure (2),
// digit 4 a detail. Only codes of that shape are written; 2010–2015, 2020–2029, 3010, 6010 and 6011
// are the ones the vendor's pages name.

/** Every code the seed may write; an event stores its index here (5 bits). */
export const STATE_CODES = [
  1010, 1020,
  2010, 2011, 2012, 2013, 2014, 2015,
  2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029,
  3010, 3020,
  4010, 4020,
  6010, 6011,
  7010,
  8010, 8020,
] as const;

export const STATE_BITS = 5;

/** The third digit: 1 success, 2 failure. */
export function isFailedState(code: number): boolean {
  return Math.floor(code / 10) % 10 === 2;
}

export function isDataObjectState(code: number): boolean {
  return Math.floor(code / 100) === 80;
}

/** Relative weights of the codes a request of each kind gets. */
export const DEVICE_SUCCESS: readonly (readonly [number, number])[] = [
  [2010, 50], [2011, 5], [2012, 5], [2013, 3], [2014, 2], [2015, 2], [1010, 25], [6010, 5], [6011, 3],
];
export const DEVICE_FAILURE: readonly (readonly [number, number])[] = [
  [1020, 30], [2020, 20], [2021, 10], [2022, 10], [2023, 8], [2024, 5], [2025, 5], [2026, 4], [2027, 3], [2028, 3], [2029, 2],
];
/** Requests without a machine code: key creation, validation without a device, field and data-object changes. */
export const KEY_SUCCESS: readonly (readonly [number, number])[] = [
  [3010, 30], [1010, 40], [4010, 10], [7010, 10], [8010, 10],
];
export const KEY_FAILURE: readonly (readonly [number, number])[] = [
  [1020, 50], [3020, 20], [4020, 10], [8020, 20],
];
