import type { Department } from '../graphql/types';

export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

/** Builds the tree; a department whose parent is missing from the list becomes a root. */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map(
    departments.map((department) => [department.id, { department, children: [] as DepartmentNode[] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parent ? nodes.get(node.department.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.name.localeCompare(b.department.name, 'zh-CN'));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
