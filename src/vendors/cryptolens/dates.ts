// Cryptolens takes Start and End as `yyyy-MM-dd` calendar dates (UTC); a malformed or impossible date
// is refused here, before anything is sent.
import { InvalidRequestError, type RequestContext } from '../../http/errors';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A Date becomes its UTC calendar day: Cryptolens days are UTC days. */
export function toApiDate(context: RequestContext, name: string, value: string | Date): string {
  if (value instanceof Date) {
    const time = value.getTime();
    const year = value.getUTCFullYear();
    if (Number.isNaN(time) || year < 1 || year > 9999) {
      throw new InvalidRequestError(context, `${name} is not a valid date: ${String(value)}`);
    }
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new InvalidRequestError(context, `${name} must be a real date written yyyy-MM-dd: ${describe(value)}`);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
