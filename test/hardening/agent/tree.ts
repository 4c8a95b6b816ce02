// Walks the Keys tree through the running extension's own TreeDataProvider (the instance the view
// renders), expanding what a person would: every row down to maxDepth, the first maxChildren of each.
import * as vscode from 'vscode';
import type { TreeRow } from './protocol';

export interface TreeProvider {
  getChildren(node?: unknown): vscode.ProviderResult<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem | Thenable<vscode.TreeItem>;
}

export async function walkTree(tree: TreeProvider, maxDepth: number, maxChildren: number): Promise<TreeRow[]> {
  const rows: TreeRow[] = [];
  const visit = async (node: unknown, depth: number): Promise<void> => {
    const children = (await tree.getChildren(node)) ?? [];
    // Every vendor root; the first maxChildren below each.
    for (const child of depth === 0 ? children : children.slice(0, maxChildren)) {
      const item = await tree.getTreeItem(child);
      const collapsible = item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      rows.push(describe(item, depth, collapsible));
      if (collapsible && depth + 1 < maxDepth) await visit(child, depth + 1);
    }
  };
  await visit(undefined, 0);
  return rows;
}

function describe(item: vscode.TreeItem, depth: number, collapsible: boolean): TreeRow {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip =
    item.tooltip === undefined
      ? undefined
      : typeof item.tooltip === 'string'
        ? item.tooltip
        : { markdown: item.tooltip.value, isTrusted: item.tooltip.isTrusted, supportHtml: item.tooltip.supportHtml === true };
  return {
    depth,
    id: item.id ?? '',
    label,
    description: typeof item.description === 'string' ? item.description : '',
    tooltip,
    contextValue: item.contextValue,
    command: item.command ? { command: item.command.command, arguments: (item.command.arguments ?? []) as unknown[] } : undefined,
    collapsible,
  };
}
