// Counts rolled up a tree (places: division → district → upazila; organisations: ministry →
// division → department): an entry counts its own offices and those of everything under it.

export interface TreeNode {
  id: number;
  parent_id: number | null;
}

export function rollUpCounts(nodes: readonly TreeNode[], direct: ReadonlyMap<number | null, number>): Map<number, number> {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parent_id]));
  const totals = new Map<number, number>(nodes.map((node) => [node.id, 0]));
  for (const node of nodes) {
    const count = direct.get(node.id) ?? 0;
    if (count === 0) continue;
    // a loop in the parent links must not hang a page: stop after as many steps as there are nodes
    let at: number | null | undefined = node.id;
    for (let steps = 0; at !== null && at !== undefined && steps <= nodes.length; steps++) {
      totals.set(at, (totals.get(at) ?? 0) + count);
      at = parentOf.get(at);
    }
  }
  return totals;
}

/** The chain from the root down to this node (the node last). */
export function ancestry<T extends TreeNode>(nodes: readonly T[], node: T): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chain: T[] = [node];
  let parent = node.parent_id === null ? undefined : byId.get(node.parent_id);
  while (parent && !chain.includes(parent)) {
    chain.unshift(parent);
    parent = parent.parent_id === null ? undefined : byId.get(parent.parent_id);
  }
  return chain;
}
