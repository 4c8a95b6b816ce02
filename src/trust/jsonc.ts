// jsonc-parser as its own bundle (dist/jsonc.js): read only when a workspace has a settings file.
export { parse } from 'jsonc-parser';
