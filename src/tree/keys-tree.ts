import * as vscode from 'vscode';
import type { KeyReference } from '../vendors/model';
import { isReferencingNode } from './key-item';
import { failureNode } from './message-node';
import type { TreeNode } from './node';

/** A parent whose children load a page at a time ("Load more…"). */
export interface PagedNode extends TreeNode {
  /** Another page can be asked for (none failed so far). */
  readonly hasMore: boolean;
  loadMore(): Promise<void>;
}

function isPaged(node: TreeNode | undefined): node is PagedNode {
  return node !== undefined && 'loadMore' in node;
}

/** The key under which the top level's nodes are kept. */
const ROOTS = Symbol('roots');

/**
 * The `keyscope.keys` view's data. A failing parent shows one error node that retries on click;
 * every other node keeps what it has.
 */
export class KeysTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Nodes by id, so retry and load-more commands (which get an id) find their node. */
  private readonly known = new Map<string, TreeNode>();
  /** Each node's parent, recorded as children are handed out: TreeView.reveal climbs by it. */
  private readonly parents = new WeakMap<TreeNode, TreeNode>();
  /**
   * Each parent's children (ROOTS for the top level), kept until it is refreshed: reveal asks for a
   * level again, and new nodes would forget the pages they had loaded.
   */
  private readonly loaded = new Map<TreeNode | typeof ROOTS, Promise<Loaded>>();

  constructor(
    private readonly roots: () => Promise<TreeNode[]>,
    /** Shows work in progress on the view (the view's progress bar). */
    private readonly progress: <T>(work: () => Promise<T>) => Thenable<T>,
  ) {}

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const key = node ?? ROOTS;
    let loading = this.loaded.get(key);
    if (!loading) {
      loading = this.load(node);
      this.loaded.set(key, loading);
    }
    const { children, failed } = await loading;
    // A failure is not kept: the next ask (a retry, a reveal) tries again.
    if (failed && this.loaded.get(key) === loading) this.loaded.delete(key);
    // The caller acts on these nodes (retry, load more, reveal), so they are the ones found by id.
    for (const child of children) {
      this.known.set(child.id, child);
      if (node) this.parents.set(child, node);
    }
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  /**
   * The node of a key, product or API, loading the levels above it (and further pages) on the way;
   * undefined when the tree has no such node.
   */
  async find(target: KeyReference): Promise<TreeNode | undefined> {
    // A vendor's top node has the vendor id as its id (vendor-root-item.ts).
    let parent = (await this.getChildren()).find((node) => node.id === target.vendor);
    while (parent) {
      const children = await this.getChildren(parent);
      const found = children.find((node) => isReferencingNode(node) && node.reference.scopeId === target.scopeId && node.reference.keyId === target.keyId);
      if (found) return found;
      const scope = children.find(
        (node) => isReferencingNode(node) && target.scopeId !== undefined && node.reference.scopeId === target.scopeId && node.reference.keyId === undefined,
      );
      if (scope) parent = scope;
      else if (isPaged(parent) && parent.hasMore) await this.loadMoreOf(parent);
      else return undefined;
    }
    return undefined;
  }

  /** Reloads one node's children, or the whole tree. */
  refresh(id?: string): void {
    if (id === undefined) {
      this.known.clear();
      this.loaded.clear();
      this.changed.fire(undefined);
      return;
    }
    // Child ids extend their parent's ("cryptolens/3349/123"): the whole branch loads anew.
    for (const key of this.loaded.keys()) {
      if (key !== ROOTS && (key.id === id || key.id.startsWith(`${id}/`))) this.loaded.delete(key);
    }
    this.changed.fire(this.known.get(id));
  }

  async loadMore(id: string): Promise<void> {
    const node = this.known.get(id);
    if (isPaged(node)) await this.loadMoreOf(node);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async load(node: TreeNode | undefined): Promise<Loaded> {
    try {
      return { children: await this.progress(async () => (node ? ((await node.children?.()) ?? []) : await this.roots())), failed: false };
    } catch (error) {
      return { children: [failureNode(node?.id ?? 'root', error)], failed: true };
    }
  }

  private async loadMoreOf(node: PagedNode): Promise<void> {
    await this.progress(() => node.loadMore());
    this.loaded.delete(node);
    this.changed.fire(node);
  }
}

interface Loaded {
  children: TreeNode[];
  failed: boolean;
}
