// A ClickHouse lexer for the query guard. The guard re-emits the query from these tokens (comments
// dropped, strings kept verbatim), so what runs is exactly what was checked: a comment or a string
// can never carry a statement or a table past the checks.
import { refuse } from './query-errors';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op';

export interface Token {
  kind: TokenKind;
  /** Exact source text (a string keeps its quotes and escapes). */
  text: string;
  /** Decoded value of a string or quoted identifier; the text otherwise. */
  value: string;
  /** Upper-cased text of a bare word, '' for other kinds. */
  upper: string;
  /** Whether whitespace or a comment came before this token. */
  spaceBefore: boolean;
  pos: number;
}

const MULTI_CHAR_OPS = ['->', '<=', '>=', '!=', '<>', '==', '||', '::'];
const SINGLE_CHAR_OPS = '()[],;.+-*/%=<>?:';
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v' };

function syntaxError(message: string, pos: number): never {
  refuse(`Invalid SQL syntax: ${message} at position ${pos}`);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/** Reads a quoted run starting at `start` (the opening quote); returns the end index and decoded value. */
function readQuoted(sql: string, start: number): { end: number; value: string } {
  const quote = sql[start];
  let value = '';
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '\\') {
      const next = sql[i + 1];
      if (next === undefined) break;
      if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(sql.slice(i + 2, i + 4))) {
        value += String.fromCharCode(parseInt(sql.slice(i + 2, i + 4), 16));
        i += 4;
        continue;
      }
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { end: i + 1, value };
    }
    value += c;
    i += 1;
  }
  syntaxError(`unterminated ${quote === "'" ? 'string literal' : 'quoted identifier'}`, start);
}

function readNumber(sql: string, start: number): number {
  let i = start;
  if (sql[i] === '0' && (sql[i + 1] === 'x' || sql[i + 1] === 'X')) {
    i += 2;
    while (/[0-9A-Fa-f_]/.test(sql[i] ?? '')) i += 1;
  } else if (sql[i] === '0' && (sql[i + 1] === 'b' || sql[i + 1] === 'B') && /[01]/.test(sql[i + 2] ?? '')) {
    i += 2;
    while (/[01_]/.test(sql[i] ?? '')) i += 1;
  } else {
    while (isDigit(sql[i]) || sql[i] === '_') i += 1;
    if (sql[i] === '.') {
      i += 1;
      while (isDigit(sql[i]) || sql[i] === '_') i += 1;
    }
    const signed = (sql[i + 1] === '+' || sql[i + 1] === '-') && isDigit(sql[i + 2]);
    if ((sql[i] === 'e' || sql[i] === 'E') && (isDigit(sql[i + 1]) || signed)) {
      i += 2;
      while (isDigit(sql[i])) i += 1;
    }
  }
  if (isWordChar(sql[i])) syntaxError(`malformed number '${sql.slice(start, i + 1)}'`, start);
  return i;
}

/** Skips a block comment starting at `start` ("/*"); ClickHouse nests them. Returns the end index. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  syntaxError('unterminated comment', start);
}

function skipLineComment(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end === -1 ? sql.length : end + 1;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = false;
  const push = (kind: TokenKind, end: number, value?: string): void => {
    const text = sql.slice(i, end);
    tokens.push({ kind, text, value: value ?? text, upper: kind === 'word' ? text.toUpperCase() : '', spaceBefore, pos: i });
    spaceBefore = false;
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (isSpace(c)) {
      spaceBefore = true;
      i += 1;
    } else if (c === '-' && next === '-') {
      spaceBefore = true;
      i = skipLineComment(sql, i);
    } else if (c === '#' && (next === undefined || next === '!' || isSpace(next))) {
      spaceBefore = true;
      i = skipLineComment(sql, i);
    } else if (c === '/' && next === '*') {
      spaceBefore = true;
      i = skipBlockComment(sql, i);
    } else if (c === "'" || c === '"' || c === '`') {
      const { end, value } = readQuoted(sql, i);
      push(c === "'" ? 'string' : 'quoted', end, value);
    } else if (isDigit(c) || (c === '.' && isDigit(next) && !followsOperand(tokens, spaceBefore))) {
      push('number', readNumber(sql, i));
    } else if (isWordStart(c)) {
      let end = i + 1;
      while (isWordChar(sql[end])) end += 1;
      push('word', end);
    } else {
      const multi = MULTI_CHAR_OPS.find((op) => sql.startsWith(op, i));
      if (multi) push('op', i + multi.length);
      else if (SINGLE_CHAR_OPS.includes(c)) push('op', i + 1);
      else syntaxError(`unexpected character '${c}'`, i);
    }
  }
  return tokens;
}

/** A '.' right after an identifier or a closing bracket is member access (`t.1`), not a decimal point. */
function followsOperand(tokens: readonly Token[], spaceBefore: boolean): boolean {
  const last = tokens[tokens.length - 1];
  if (!last || spaceBefore) return false;
  return last.kind === 'word' || last.kind === 'quoted' || last.text === ')' || last.text === ']';
}
