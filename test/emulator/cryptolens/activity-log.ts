// The Web API log as the emulation stores it: one 8-byte number per event, sorted by time (the default
// scale holds millions of events), and a small table of "owners" — a key with one of its devices, or a
// key with no machine code — that the events point to. Log ids are 64-bit (the SDKs type them `long`)
// and start above 2^31; they grow with time, with gaps, and map to positions without a search.
import { STATE_BITS, STATE_CODES } from './activity-codes';

/** Who sent a request: a license key, and the device when a machine code was sent. */
export interface LogOwner {
  keyId: number;
  productId: number;
  /** The key string the request carried (the log keeps it after the key is deleted). */
  key: string;
  /** Device rows' id, or undefined for requests without a machine code. */
  deviceId: number | undefined;
  machineCode: string | null;
  friendlyName: string | null;
  /** Anonymized, as the vendor stores it. */
  ip: string;
}

/** A log entry as GetWebAPILog returns it (CL:model/WebAPILog, field order of the SDKs' model). */
export interface WebApiLogRow {
  id: number;
  productId: number;
  key: string;
  ip: string;
  time: number;
  state: number;
  machineCode: string | null;
  friendlyName: string | null;
  floatingExpires: number;
  doIntValue: number;
  doId: number;
}

/** The first log id; above Int32, so a client that parses ids as 32-bit fails at once. */
export const LOG_ID_BASE = 3_000_000_123;
const ID_STEP = 3;

export class ActivityLog {
  readonly count: number;
  private readonly shift: number;

  /**
   * @param packed each event as (time - baseTime) * 2^ownerBits+5 + owner * 32 + state index, sorted.
   */
  constructor(
    readonly owners: readonly LogOwner[],
    private readonly packed: Float64Array,
    private readonly baseTime: number,
    ownerBits: number,
  ) {
    this.count = packed.length;
    this.shift = 2 ** (ownerBits + STATE_BITS);
  }

  timeAt(position: number): number {
    return this.baseTime + Math.floor(this.value(position) / this.shift);
  }

  ownerAt(position: number): number {
    return Math.floor((this.value(position) % this.shift) / 2 ** STATE_BITS);
  }

  stateIndexAt(position: number): number {
    return (this.value(position) % this.shift) % 2 ** STATE_BITS;
  }

  stateAt(position: number): number {
    return STATE_CODES[this.stateIndexAt(position)] as number;
  }

  /** Strictly increasing with position, with gaps of 1 to 5. */
  idAt(position: number): number {
    return LOG_ID_BASE + ID_STEP * position + (mix(position) % ID_STEP);
  }

  /** The first position whose id is greater than `id` (count when none). */
  firstAfter(id: number): number {
    if (id < LOG_ID_BASE) return 0;
    const position = Math.floor((id - LOG_ID_BASE) / ID_STEP);
    if (position >= this.count) return this.count;
    return this.idAt(position) > id ? position : position + 1;
  }

  /** The last position whose id is less than `id` (-1 when none). */
  lastBefore(id: number): number {
    if (id <= LOG_ID_BASE) return -1;
    const position = Math.floor((id - LOG_ID_BASE) / ID_STEP);
    if (position >= this.count) return this.count - 1;
    return this.idAt(position) < id ? position : position - 1;
  }

  /** Every event in order, decoded once: for passes over the whole log. */
  forEach(visit: (position: number, time: number, owner: number, stateIndex: number) => void): void {
    const stateSlots = 2 ** STATE_BITS;
    for (let position = 0; position < this.count; position++) {
      const value = this.packed[position] as number;
      const relative = Math.floor(value / this.shift);
      const rest = value - relative * this.shift;
      visit(position, this.baseTime + relative, Math.floor(rest / stateSlots), rest % stateSlots);
    }
  }

  rowAt(position: number): WebApiLogRow {
    const owner = this.owners[this.ownerAt(position)] as LogOwner;
    const state = this.stateAt(position);
    const dataObject = Math.floor(state / 100) === 80;
    return {
      id: this.idAt(position),
      productId: owner.productId,
      key: owner.key,
      ip: owner.ip,
      time: this.timeAt(position),
      state,
      machineCode: owner.machineCode,
      friendlyName: owner.friendlyName,
      floatingExpires: 0,
      doIntValue: dataObject ? mix(position + 7) % 1000 : 0,
      doId: dataObject ? 4000 + (owner.keyId % 97) : 0,
    };
  }

  private value(position: number): number {
    const value = this.packed[position];
    if (value === undefined) throw new RangeError(`no log event at position ${position}`);
    return value;
  }
}

/** A small integer hash (stable across runs): gaps between ids, data-object values. */
function mix(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
