// License keys as Cryptolens writes them (CL:model/LicenseKey; the vendor's own example of the
// format: https://cryptolens.io/2016/06/activation-format-updated/): lowerCamelCase in that field
// order, DateTime as "2016-06-27T11:43:10.167" (UTC, no zone, milliseconds only when there are any).
import type { LicenseBook, LicenseRecord } from './licenses';

/** .NET's default(DateTime): what "left empty" signing fields hold. */
const EMPTY_DATE = '0001-01-01T00:00:00';

export function dotNetDate(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '').replace(/\.000$/, '');
}

export function licenseKeyJson(record: LicenseRecord): Record<string, unknown> {
  const [f1, f2, f3, f4, f5, f6, f7, f8] = record.features;
  return {
    productId: record.productId,
    id: record.keyId,
    key: record.key,
    created: dotNetDate(record.created),
    expires: dotNetDate(record.expires),
    period: record.period,
    f1,
    f2,
    f3,
    f4,
    f5,
    f6,
    f7,
    f8,
    notes: record.notes,
    // "This will always be false." (CL:model/LicenseKey), blocked or not.
    block: false,
    globalId: record.globalId,
    customer: record.customer && { ...record.customer, created: dotNetDate(record.customer.created) },
    activatedMachines: record.machines.map((machine) => ({ mid: machine.mid, ip: machine.ip, time: dotNetDate(machine.time) })),
    trialActivation: record.trialActivation,
    maxNoOfMachines: record.maxNoOfMachines,
    allowedMachines: '',
    dataObjects: [],
    // Not signed: "the fields related to signing operations will be left empty" (CL:GetKeys).
    signDate: EMPTY_DATE,
    reseller: null,
  };
}

/** CL:model/Metadata; usedFloatingMachines only when a FloatingTimeInterval (seconds) was asked for. */
export function metadataJson(book: LicenseBook, record: LicenseRecord, floatingSeconds: number): Record<string, unknown> {
  const metadata: Record<string, unknown> = { activatedMachines: record.machines.length, licenseStatus: book.status(record) };
  if (floatingSeconds > 0) {
    metadata.usedFloatingMachines = record.machines.filter((machine) => machine.time >= book.now - floatingSeconds * 1000).length;
  }
  return metadata;
}
