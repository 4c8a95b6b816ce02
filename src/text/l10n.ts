// The host's one copy of @vscode/l10n (scripts/lazy-bundles.mjs makes it dist/l10n.js, and every
// bundle's `import … from '@vscode/l10n'` resolves to it), so the bundle that extension.ts configures
// it with is the one every module's l10n.t reads. Modules import '@vscode/l10n' itself, never this
// file: that is the import `vscode-l10n-dev export` looks for.
export * from '@vscode/l10n';
