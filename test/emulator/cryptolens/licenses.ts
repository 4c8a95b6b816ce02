// What Cryptolens knows about each license key beyond its usage (CL:model/LicenseKey): dates, period,
// features, seats, the real blocked state, and each product's feature definitions, which decide
// whether a key is time-limited (CL:model/Metadata). Details come from a PRNG stream per key, drawn
// on first use, so the usage data and every other stream stay as they were; the health cases of
// license-health.ts then set a few keys to known states.
import { createRandom } from '../random';
import type { CryptolensData, LicenseKey } from './data';

const DAY = 86_400_000;

/** Which feature (1–8) marks a key time-limited or a trial, per product; absent: not used. */
export interface FeatureDefinitions {
  timeLimited?: number;
  trial?: number;
}

export interface Activation {
  mid: string;
  ip: string;
  /** Unix ms. */
  time: number;
}

export interface LicenseRecord {
  keyId: number;
  productId: number;
  key: string;
  /** Unix ms, whole seconds. */
  created: number;
  expires: number;
  period: number;
  features: boolean[];
  notes: string | null;
  globalId: number;
  customer: { id: number; name: string; email: string; companyName: string; created: number } | null;
  machines: Activation[];
  trialActivation: boolean;
  maxNoOfMachines: number;
  /** The real state. The wire's `block` stays false: the vendor documents it as "always false". */
  blocked: boolean;
}

export interface LicenseStatusJson {
  isValid: boolean;
  reasonForInvalidity: 0 | 1 | 2;
  trial: boolean;
  timeLimited: boolean;
  timeLeft: number;
}

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'];
const COMPANIES = ['Initech', 'Globex', 'Umbrella Labs', 'Hooli', 'Stark Industries'];

export class LicenseBook {
  private readonly records = new Map<number, LicenseRecord>();
  /** By product id: the first product marks time-limited keys with F1 and trials with F2, the second F1 only, the rest nothing. */
  readonly features: ReadonlyMap<number, FeatureDefinitions>;

  constructor(
    private readonly data: CryptolensData,
    private readonly seed: number,
    readonly now: number,
  ) {
    this.features = new Map(data.products.map((product, index) => [product.id, index === 0 ? { timeLimited: 1, trial: 2 } : index === 1 ? { timeLimited: 1 } : {}]));
  }

  /** The record of a key that exists (deleted keys have none to show). */
  get(key: LicenseKey): LicenseRecord {
    let record = this.records.get(key.id);
    if (!record) {
      record = this.draw(key);
      this.records.set(key.id, record);
    }
    return record;
  }

  /** Overrides some fields of a key's record (the health cases). */
  set(key: LicenseKey, fields: Partial<LicenseRecord>): LicenseRecord {
    const record = { ...this.get(key), ...fields };
    this.records.set(key.id, record);
    return record;
  }

  /** metadata.licenseStatus by the product's feature definitions. */
  status(record: LicenseRecord): LicenseStatusJson {
    const definitions = this.features.get(record.productId) ?? {};
    const flag = (feature: number | undefined): boolean => feature !== undefined && record.features[feature - 1] === true;
    const timeLimited = flag(definitions.timeLimited);
    const trial = flag(definitions.trial);
    const timeLeft = timeLimited ? Math.max(0, Math.floor((record.expires - this.now) / DAY)) : 0;
    if (record.blocked) return { isValid: false, reasonForInvalidity: 2, trial, timeLimited, timeLeft };
    if (timeLimited && record.expires <= this.now) return { isValid: false, reasonForInvalidity: 1, trial, timeLimited, timeLeft };
    return { isValid: true, reasonForInvalidity: 0, trial, timeLimited, timeLeft };
  }

  private draw(key: LicenseKey): LicenseRecord {
    const random = createRandom((this.seed * 0x27d4eb2d + key.id * 2_654_435_761) >>> 0);
    const summary = this.data.summaries.find((row) => row.keyId === key.id);
    const firstUse = summary ? summary.firstSeenUtc * 1000 : this.now - random.int(1, 30) * DAY;
    const created = seconds(Math.min(firstUse, this.now - DAY) - random.int(0, 20) * DAY - random.int(0, DAY - 1));
    const period = random.pick([30, 90, 365, 365, 3650]);
    const devices = this.data.devices.filter((device) => device.keyId === key.id);
    const machines = devices.slice(0, random.int(0, Math.min(devices.length, 6))).map((device) => ({
      mid: device.machineCode,
      ip: `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      time: device.firstSeenUtc * 1000,
    }));
    const limited = random.chance(0.6);
    return {
      keyId: key.id,
      productId: key.productId,
      key: key.key,
      created,
      expires: created + period * DAY,
      period,
      features: Array.from({ length: 8 }, (_, index) => random.chance(index === 0 ? 0.3 : 0.25)),
      notes: random.chance(0.3) ? `Order #${random.int(1000, 99_999)}` : null,
      globalId: 20_000 + key.id,
      customer: random.chance(0.4) ? customer(random.int(1, 5000), random, created) : null,
      machines,
      trialActivation: random.chance(0.1),
      maxNoOfMachines: limited ? machines.length + random.pick([0, 1, 2, 5]) : 0,
      blocked: random.chance(0.03),
    };
  }
}

function customer(id: number, random: ReturnType<typeof createRandom>, before: number): NonNullable<LicenseRecord['customer']> {
  const name = random.pick(NAMES);
  return {
    id,
    name,
    email: `${name.split(' ')[0]?.toLowerCase() ?? 'user'}@example.com`,
    companyName: random.pick(COMPANIES),
    created: seconds(before - random.int(1, 60) * DAY),
  };
}

function seconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
