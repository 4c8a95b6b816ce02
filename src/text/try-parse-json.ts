/** The JSON in `text`, or undefined when it is not JSON (an error body may be anything; a schema then fails on it). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
