// Groups the token stream by brackets: the structural pass reads one bracket level at a time, so a
// comma, keyword or comparison inside a function call never looks like one of the enclosing query.
import { refuse } from './query-errors';
import type { Token } from './query-tokenizer';

export interface TokenNode {
  type: 'token';
  index: number;
  token: Token;
}

export interface GroupNode {
  type: 'group';
  /** '(' or '['. */
  bracket: '(' | '[';
  open: number;
  close: number;
  children: QueryNode[];
}

export type QueryNode = TokenNode | GroupNode;

// Narrowed shapes, so that a failed check does not rule out the whole node type.
export type WordNode = TokenNode & { token: Token & { kind: 'word' } };
export type NameNode = TokenNode & { token: Token & { kind: 'word' | 'quoted' } };
export type OpNode = TokenNode & { token: Token & { kind: 'op' } };
export type ParenGroup = GroupNode & { bracket: '(' };

const CLOSING: Record<string, '(' | '['> = { ')': '(', ']': '[' };

export function buildTree(tokens: readonly Token[]): QueryNode[] {
  const root: QueryNode[] = [];
  const stack: { group: GroupNode; parent: QueryNode[] }[] = [];
  let current = root;
  tokens.forEach((token, index) => {
    if (token.kind === 'op' && (token.text === '(' || token.text === '[')) {
      const group: GroupNode = { type: 'group', bracket: token.text, open: index, close: -1, children: [] };
      current.push(group);
      stack.push({ group, parent: current });
      current = group.children;
      return;
    }
    const opens = token.kind === 'op' ? CLOSING[token.text] : undefined;
    if (opens) {
      const top = stack.pop();
      if (!top || top.group.bracket !== opens) refuse(`Invalid SQL syntax: unbalanced '${token.text}' at position ${token.pos}`);
      top.group.close = index;
      current = top.parent;
      return;
    }
    current.push({ type: 'token', index, token });
  });
  const open = stack.pop();
  if (open) refuse(`Invalid SQL syntax: unclosed '${open.group.bracket}' at position ${tokens[open.group.open]?.pos ?? 0}`);
  return root;
}

export function isWord(node: QueryNode | undefined, ...words: string[]): node is WordNode {
  return node?.type === 'token' && node.token.kind === 'word' && (words.length === 0 || words.includes(node.token.upper));
}

export function isOp(node: QueryNode | undefined, ...ops: string[]): node is OpNode {
  return node?.type === 'token' && node.token.kind === 'op' && ops.includes(node.token.text);
}

/** A bare or quoted identifier (a word may still be a keyword; callers decide by position). */
export function isName(node: QueryNode | undefined): node is NameNode {
  return node?.type === 'token' && (node.token.kind === 'word' || node.token.kind === 'quoted');
}

export function isParenGroup(node: QueryNode | undefined): node is ParenGroup {
  return node?.type === 'group' && node.bracket === '(';
}

/** A parenthesised query: its first element is SELECT or WITH, or itself a parenthesised query. */
export function isQueryGroup(node: QueryNode | undefined): node is ParenGroup {
  if (!isParenGroup(node)) return false;
  const first = node.children[0];
  return isWord(first, 'SELECT', 'WITH') || isQueryGroup(first);
}

/** Splits nodes on commas at this bracket level. */
export function splitOnCommas(nodes: readonly QueryNode[]): QueryNode[][] {
  const parts: QueryNode[][] = [[]];
  for (const node of nodes) {
    if (isOp(node, ',')) parts.push([]);
    else parts[parts.length - 1]?.push(node);
  }
  return parts;
}

export function firstIndex(node: QueryNode): number {
  return node.type === 'token' ? node.index : node.open;
}

export function lastIndex(node: QueryNode): number {
  return node.type === 'token' ? node.index : node.close;
}
