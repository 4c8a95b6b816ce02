// What a lookup starts from when it is given something: a pasted string or a tree node's reference.
import { isReferencingNode } from '../tree/key-item';
import { recognize, type LookupTarget } from './recognize';
import type { ResolvableTarget } from './resolve';
import type { KeyReference } from '../vendors/model';

export function fromArgument(arg: unknown): ResolvableTarget | LookupTarget | undefined {
  if (typeof arg === 'string') return recognize(arg);
  if (isReferencingNode(arg)) return fromReference(arg.reference);
  return undefined;
}

export function fromReference(reference: KeyReference): ResolvableTarget | undefined {
  switch (reference.vendor) {
    case 'cryptolens': {
      const keyId = Number(reference.keyId);
      if (reference.keyId !== undefined && Number.isInteger(keyId) && keyId > 0) return { vendor: 'cryptolens', kind: 'key-id', keyId };
      const productId = Number(reference.scopeId);
      if (reference.key && Number.isInteger(productId) && productId > 0) return { vendor: 'cryptolens', kind: 'key', key: reference.key, productId };
      return undefined;
    }
    case 'unkey':
      if (reference.keyId) return { vendor: 'unkey', kind: 'key-id', keyId: reference.keyId };
      if (reference.scopeId) return { vendor: 'unkey', kind: 'api', apiId: reference.scopeId };
      return undefined;
    case 'runtype':
      if (reference.keyId) return { vendor: 'runtype', kind: 'key-id', keyId: reference.keyId };
      if (reference.key) return { vendor: 'runtype', kind: 'prefix', prefix: reference.key };
      return undefined;
  }
}
