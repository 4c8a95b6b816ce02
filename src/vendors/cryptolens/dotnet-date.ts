// Cryptolens writes a license key's DateTime fields as ASP.NET does: "2015-08-27T00:00:00" or
// "2016-06-27T11:43:10.167" (vendor examples), with up to 7 fraction digits and usually no zone.
// Without a zone the time is read as UTC. .NET's DateTime.MinValue (year 1) stands for "no date".

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Unix ms; undefined for DateTime.MinValue; NaN when the text is not such a date. */
export function parseDotNetDate(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year === 1 && month === 1 && day === 1) return undefined;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!real) return Number.NaN;
  const zone = match[8];
  if (zone === undefined || zone === 'Z') return date.getTime();
  const sign = zone.startsWith('-') ? -1 : 1;
  return date.getTime() - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
