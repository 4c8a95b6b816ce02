// A refusal of a v2 analytics query. Unkey's handler wraps every query-parser error (unknown API and
// identity included) as "Invalid SQL query" with code App.Validation.InvalidInput, which it answers
// with 400 "Bad Request"; the detail joins the public messages of the error chain with a space.

export const INVALID_QUERY_PREFIX = 'Invalid SQL query';

export class QueryRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'QueryRefusal';
  }
}

export function refuse(reason: string): never {
  throw new QueryRefusal(reason);
}
