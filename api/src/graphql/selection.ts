import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects below the resolving field, along `path` (e.g.
 * `['edges', 'node']` of a connection), through fragment spreads and inline fragments. A superset:
 * `@skip`/`@include` and type conditions are not evaluated, so a name listed may not be resolved,
 * but a field that is resolved is always listed. Null when the path is not selected at all.
 */
export function selectedFieldNames(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): Set<string> | null {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level)
      collect(info, node.selectionSet, (field) => field.name.value === name && next.push(field));
    if (next.length === 0) return null;
    level = next;
  }
  const names = new Set<string>();
  for (const node of level) collect(info, node.selectionSet, (field) => names.add(field.name.value));
  return names;
}

function collect(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined,
  visit: (field: FieldNode) => unknown,
  seen: Set<string> = new Set(),
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment') collect(info, selection.selectionSet, visit, seen);
    else if (!seen.has(selection.name.value)) {
      // Validation refuses fragment cycles; `seen` keeps a spread repeated in one selection to one walk.
      seen.add(selection.name.value);
      collect(info, info.fragments[selection.name.value]?.selectionSet, visit, seen);
    }
  }
}
