// The JSON of ai/GetDailyAggregates (CL:GetDailyAggregates) and ai/GetWebAPILog (CL:model/WebAPILog).
// Extra fields pass; a missing or mistyped documented field fails with its path.
import * as z from 'zod/mini';
import { isCalendarDate } from './dates';

const id = z.int();
const count = z.int().check(z.nonnegative());
const success = { result: z.literal(0), message: z.nullish(z.string()) };

export const dailyAggregateSchema = z.object({
  id,
  productId: id,
  date: z.string().check(z.refine(isCalendarDate, 'expected a yyyy-MM-dd date')),
  totalRequestsLogged: count,
  successful: count,
  failed: count,
  activeDevices: count,
  activeKeys: count,
  activeCustomers: count,
});
export type DailyAggregateJson = z.infer<typeof dailyAggregateSchema>;

export const dailyAggregatesResponseSchema = z.object({ ...success, aggregates: z.array(dailyAggregateSchema) });

// Log ids are 64-bit (`long` in the SDKs): any integer JSON can carry exactly.
const logId = z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER));
// Bounded so that the time in ms fits a Date: a later toISOString must not throw.
const unixSeconds = z.int().check(z.nonnegative(), z.maximum(8.64e12, 'a time beyond the year 275760'));

export const webApiLogSchema = z.object({
  id: logId,
  productId: id,
  key: z.nullish(z.string()),
  ip: z.nullish(z.string()),
  time: unixSeconds,
  state: z.int(),
  machineCode: z.nullish(z.string()),
  friendlyName: z.nullish(z.string()),
  floatingExpires: z.nullish(unixSeconds),
  doIntValue: z.nullish(z.int()),
  doId: z.nullish(z.int()),
  isAnomaly: z.nullish(z.boolean()),
});
export type WebApiLogJson = z.infer<typeof webApiLogSchema>;

// Doc revisions name the list `Events` or `Logs`; the .NET and Python SDKs read `logs`. Read `logs`,
// and `events` only when `logs` is absent (an error then still names the row: "logs[3].time").
const preferLogs = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && !('logs' in data) && 'events' in data ? { ...data, logs: data.events } : data;

export const webApiLogResponseSchema = z.pipe(z.transform(preferLogs), z.object({ ...success, logs: z.array(webApiLogSchema) }));
