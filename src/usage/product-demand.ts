// Whether a hover reads one key alone or its whole product. One key costs one request (GetKeyDevices
// by key, key/GetKey); the product's list costs its pages once per cache lifetime and then answers
// every key of it. Distinct keys asked per product are counted: while few, each is read alone; once
// more are asked than the list's pages would cost (`pages` / LIST_RATIO, at least one key alone),
// the list is read (after at least `few` keys alone). A file of many keys thus costs about one list,
// a single key one request.

/** Keys read alone per page of the product's list, before the list is read instead. */
const LIST_RATIO = 16;

interface Demand {
  /** Keys read alone so far (at most the allowance). */
  alone: Set<number>;
  listed: boolean;
}

export class ProductDemand {
  constructor(
    /** The caller's per-account memory (forgotten with the vendor's answers). */
    private readonly demands: Map<string, Demand>,
  ) {}

  /**
   * True when `keyId` of the product `scope` (`account:product:read`) should come from the product's
   * list of `pages` pages; false when it is read alone.
   */
  wantsList(scope: string, keyId: number, pages: number, few = 1): boolean {
    const demand = this.demands.get(scope) ?? { alone: new Set<number>(), listed: false };
    this.demands.set(scope, demand);
    if (demand.listed) return true;
    if (demand.alone.has(keyId)) return false;
    if (demand.alone.size < Math.max(few, Math.floor(pages / LIST_RATIO))) {
      demand.alone.add(keyId);
      return false;
    }
    demand.listed = true;
    demand.alone.clear();
    return true;
  }
}

export type ProductDemandMemory = ConstructorParameters<typeof ProductDemand>[0];
