// The history behind the seeded summaries and devices: the Web API log and the daily aggregates
// computed from it. Built on first use, so emulators that never serve these methods pay nothing; built
// from the rows seeded at start, so rows a test appends later do not change it.
import type { ActivityLog } from './activity-log';
import { seedActivityLog } from './activity-seed';
import type { CryptolensData } from './data';
import { seedDailyActivity, type DailyActivity } from './daily-aggregates-seed';

export interface CryptolensActivity extends DailyActivity {
  log: ActivityLog;
}

export function lazyActivity(data: CryptolensData, seed: number): () => CryptolensActivity {
  const seeded = { summaries: data.summaries.length, devices: data.devices.length };
  let built: CryptolensActivity | undefined;
  return () => {
    if (!built) {
      const log = seedActivityLog(data, seeded, seed);
      built = { log, ...seedDailyActivity(data, log, seed) };
    }
    return built;
  };
}
