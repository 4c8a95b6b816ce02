import type { KeyReference } from '../vendors/model';

/** A tree node that context-menu commands (Copy Id, Copy Key, Open Analytics, Look Up) act on. */
export interface ReferencingNode {
  readonly reference: KeyReference;
}

export function isReferencingNode(value: unknown): value is ReferencingNode {
  return typeof value === 'object' && value !== null && 'reference' in value;
}
