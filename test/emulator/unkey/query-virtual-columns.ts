// Unkey's virtual columns (query-parser/virtual_columns.go): `apiId` / `api_id` name an API and become
// `key_space_id`; `externalId` / `external_id` name an identity and become `identity_id`. The ids in
// comparisons (`= 'x'`, `!= 'x'`, `< 'x'`…, `IN ('x', 'y')`, `NOT IN (…)`, either side of the operator)
// are resolved, and an unknown one is refused. Elsewhere (SELECT, GROUP BY, ORDER BY) `apiId` becomes
// `key_space_id`, and `externalId` the stored `external_id` column, which holds what Unkey's result
// transformer would show for `identity_id`.
import { refuse } from './query-errors';
import { isFunctionCall } from './query-functions';
import { isName, isOp, isParenGroup, isWord, type QueryNode, type TokenNode } from './query-tree';

export interface VirtualColumnResolvers {
  resolveApiId(apiId: string): string | undefined;
  resolveExternalId(externalId: string): string | undefined;
}

interface VirtualColumn {
  column: string;
  /** What a reference outside a comparison becomes. */
  elsewhere: string;
  resolve(id: string, resolvers: VirtualColumnResolvers): string;
}

const API: VirtualColumn = {
  column: 'key_space_id',
  elsewhere: 'key_space_id',
  resolve: (id, resolvers) => resolvers.resolveApiId(id) ?? refuse(`API ${id} not found`),
};
const IDENTITY: VirtualColumn = {
  column: 'identity_id',
  elsewhere: 'external_id',
  resolve: (id, resolvers) => resolvers.resolveExternalId(id) ?? refuse(`Identity ${id} not found`),
};
const VIRTUAL_COLUMNS: Record<string, VirtualColumn> = { apiId: API, api_id: API, externalId: IDENTITY, external_id: IDENTITY };
const COMPARISONS = ['=', '==', '!=', '<>', '<', '>', '<=', '>='];

/** Token replacements: token index → new text. */
export type TokenEdits = Map<number, string>;

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The string literals compared with the column at k, or undefined when it is not in a comparison. */
function comparedValues(nodes: QueryNode[], k: number): TokenNode[] | undefined {
  const isString = (node: QueryNode | undefined): node is TokenNode => node?.type === 'token' && node.token.kind === 'string';
  if (isOp(nodes[k + 1], ...COMPARISONS) && isString(nodes[k + 2])) return [nodes[k + 2] as TokenNode];
  if (isOp(nodes[k - 1], ...COMPARISONS) && isString(nodes[k - 2])) return [nodes[k - 2] as TokenNode];
  let next = k + 1;
  if (isWord(nodes[next], 'GLOBAL')) next += 1;
  if (isWord(nodes[next], 'NOT')) next += 1;
  if (!isWord(nodes[next], 'IN')) return undefined;
  const list = nodes[next + 1];
  if (!isParenGroup(list)) return undefined;
  const items = list.children.filter((child) => !isOp(child, ','));
  return items.length > 0 && items.every(isString) ? items : undefined;
}

export function rewriteVirtualColumns(nodes: QueryNode[], resolvers: VirtualColumnResolvers, edits: TokenEdits): void {
  nodes.forEach((node, k) => {
    if (node.type === 'group') {
      rewriteVirtualColumns(node.children, resolvers, edits);
      return;
    }
    if (!isName(node) || isFunctionCall(nodes, k) || isWord(nodes[k - 1], 'AS')) return;
    if (!Object.prototype.hasOwnProperty.call(VIRTUAL_COLUMNS, node.token.value)) return;
    const virtual = VIRTUAL_COLUMNS[node.token.value] as VirtualColumn;
    const values = comparedValues(nodes, k);
    if (!values) {
      if (node.token.value !== virtual.elsewhere) edits.set(node.index, virtual.elsewhere);
      return;
    }
    edits.set(node.index, virtual.column);
    for (const value of values) edits.set(value.index, quoteString(virtual.resolve(value.token.value, resolvers)));
  });
}
