import type { VendorId } from '../vendors/model';

/** What context-menu commands (Copy Id, Copy Key, Open Analytics, Look Up) need from a tree node. */
export interface KeyReference {
  vendor: VendorId;
  /** Product id (Cryptolens) or API id (Unkey). */
  scopeId?: string;
  keyId?: string;
  /** The key string (Cryptolens) or its visible start. */
  key?: string;
}

export interface ReferencingNode {
  readonly reference: KeyReference;
}

export function isReferencingNode(value: unknown): value is ReferencingNode {
  return typeof value === 'object' && value !== null && 'reference' in value;
}
