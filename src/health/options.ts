// What every health rule is told besides the key: the clock, and how near an expiry counts as "soon"
// (the keyscope.health.expiresSoonDays setting).

export const DEFAULT_EXPIRES_SOON_DAYS = 7;
/** Ten years: beyond that "soon" means nothing, and day counts stay far inside Date's range. */
export const MAX_EXPIRES_SOON_DAYS = 3650;

export interface HealthOptions {
  /** Unix ms. */
  now: number;
  /** Whole days, 0 to MAX_EXPIRES_SOON_DAYS; 0 turns "Expires soon" off. */
  expiresSoonDays: number;
}

/** The setting's value as a day count: anything but a whole number in range falls back to the default. */
export function expiresSoonDays(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EXPIRES_SOON_DAYS
    ? value
    : DEFAULT_EXPIRES_SOON_DAYS;
}
