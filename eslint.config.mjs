// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const VIEWS = {
  regex: '^(\\.\\.?/)+(tree|hover|lookup|commands|panel|ui)(/|$)',
  message: 'A view folder (tree, hover, lookup, commands, panel, ui) is above this layer: move what both need down (vendors/model.ts, vendors/key-ids.ts, text/).',
};
const USAGE = { regex: '^(\\.\\.?/)+usage(/|$)', message: 'usage/ is above this layer: it reads vendors through it, not the other way round.' };
const VENDORS = { regex: '^(\\.\\.?/)+vendors(/|$)', message: 'vendors/ is above the HTTP layer: http/ knows requests and errors, not vendors (vendor-id.ts is below both).' };
const COMMANDS = { regex: '^(\\.\\.?/)+commands(/|$)', message: 'commands/ wires the views together: a view does not import it (shared UI goes in ui/).' };
const WEBVIEW_HOST = {
  regex: '^(\\.\\.?/)+src/(?!panel/protocol[^/]*$|vendors/model$|text/[^/]+$)',
  message: 'The webview may import only the panel protocol (src/panel/protocol*.ts), the model (src/vendors/model.ts) and the text helpers (src/text/*).',
};
const VSCODE = { name: 'vscode', message: 'This module stays free of VS Code, so unit tests run it under plain Node.' };
const PURE = [
  'src/vendor-id.ts',
  'src/text/**/*.ts',
  'src/http/**/*.ts',
  'src/vendors/**/*.ts',
  'src/trust/destination.ts',
  'src/trust/destination-settings.ts',
  'src/panel/protocol*.ts',
  'src/lookup/recognize.ts',
  'webview/**/*.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'media/**', 'test/host/node_modules/**', 'test-results/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping control characters from untrusted vendor text is the point of some regexes.
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  // One idea per file: a file past 300 lines holds more than one (issue 15).
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  // Layers. Each folder imports only from below it, so a rule lives in the lowest layer that needs
  // it: vendor-id.ts and text/ at the bottom, then http/, vendors/, usage/, the views, commands/.
  // One no-restricted-imports block per folder (a later block would replace an earlier one's list).
  {
    files: ['src/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIEWS, USAGE, VENDORS] }] },
  },
  {
    files: ['src/vendors/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIEWS, USAGE] }] },
  },
  {
    files: ['src/usage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIEWS] }] },
  },
  {
    files: ['src/panel/**/*.ts', 'src/tree/**/*.ts', 'src/hover/**/*.ts', 'src/lookup/**/*.ts', 'src/ui/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [COMMANDS] }] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WEBVIEW_HOST] }] },
  },
  // Pure modules: unit tests load them under plain Node, where there is no 'vscode' module.
  // (A second rule name, so it adds to the layer rules above instead of replacing them.)
  {
    files: PURE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [VSCODE] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
