// A Cryptolens license key as key/GetKey and product/GetKeys describe it: what its health is read from.

export type LicenseInvalidity = 'none' | 'expired' | 'blocked';

/** metadata.licenseStatus (key/GetKey with Metadata=true), judged by the product's feature definitions. */
export interface LicenseStatus {
  valid: boolean;
  /** ReasonForInvalidity 0/1/2; an undocumented value is kept as 'none' with `valid` telling the rest. */
  invalidity: LicenseInvalidity;
  trial: boolean;
  timeLimited: boolean;
  /** TimeLeft: days until expiry when time-limited (the unit is inferred). */
  daysLeft: number;
}

export interface LicenseKeyDetails {
  vendor: 'cryptolens';
  productId: number;
  /** The key's ID within its product (the id usage analytics calls keyId). */
  licenseKeyId: number;
  key: string;
  createdAt?: number;
  /** Cryptolens always has an expiry date; only time-limited products enforce it. */
  expiresAt?: number;
  periodDays: number;
  /** F1…F8. */
  features: readonly boolean[];
  /** The model's Block field. Cryptolens documents it as "always false", so false says nothing. */
  blockFlag: boolean;
  /** Activated machines (seats in use): metadata's count when present, else the listed machines. */
  activatedMachines: number;
  /** MaxNoOfMachines; 0 means no machine limit. */
  maxMachines: number;
  trialActivation: boolean;
  /** Present only when read by key/GetKey with Metadata=true (and not masked by the token). */
  status?: LicenseStatus;
}
