import type * as vscode from 'vscode';

/** One row of the Keys tree: how it looks and, for parents, how its children load. */
export interface TreeNode {
  readonly id: string;
  toTreeItem(): vscode.TreeItem;
  children?(): Promise<TreeNode[]>;
}
