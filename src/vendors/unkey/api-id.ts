// What an Unkey API id looks like (package.json's keyscope.unkey.apiIds pattern says the same): a
// workspace-settable value that goes into request bodies and queries, so it is checked at runtime too.
const API_ID = /^api_[A-Za-z0-9]+$/;

export function isUnkeyApiId(value: string): boolean {
  return API_ID.test(value);
}
