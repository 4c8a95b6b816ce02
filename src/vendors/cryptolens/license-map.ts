// key/GetKey and product/GetKeys JSON → LicenseKeyDetails (Unix ms, a seat count, the license status).
import type { LicenseInvalidity, LicenseKeyDetails } from '../license-key';
import type { LicenseKeyJson, MetadataJson } from './license-schemas';

const INVALIDITY: Record<number, LicenseInvalidity> = { 1: 'expired', 2: 'blocked' };

export function toLicenseKeyDetails(json: LicenseKeyJson, metadata?: MetadataJson | null): LicenseKeyDetails {
  const machines = json.activatedMachines ?? [];
  const details: LicenseKeyDetails = {
    vendor: 'cryptolens',
    productId: json.productId,
    licenseKeyId: json.id,
    key: json.key,
    periodDays: json.period ?? 0,
    features: [json.f1, json.f2, json.f3, json.f4, json.f5, json.f6, json.f7, json.f8].map((flag) => flag === true),
    blockFlag: json.block === true,
    // Metadata counts the seats even when the token's feature lock hides the machine list.
    activatedMachines: metadata?.activatedMachines ?? machines.length,
    maxMachines: json.maxNoOfMachines,
    trialActivation: json.trialActivation === true,
  };
  if (json.created !== undefined && json.created !== null) details.createdAt = json.created;
  if (json.expires !== undefined && json.expires !== null) details.expiresAt = json.expires;
  const status = metadata?.licenseStatus;
  if (status) {
    details.status = {
      valid: status.isValid,
      invalidity: INVALIDITY[status.reasonForInvalidity] ?? 'none',
      trial: status.trial,
      timeLimited: status.timeLimited,
      daysLeft: status.timeLeft,
    };
  }
  return details;
}
