import { categories, departments } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';

/** Department and category names by id: a report's rows carry ids, a spreadsheet wants names. */
export async function loadNames(
  db: Tx,
): Promise<{ department(id: string | null): string; category(id: string | null): string }> {
  const [departmentRows, categoryRows] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments),
    db.select({ id: categories.id, name: categories.name }).from(categories),
  ]);
  const departmentNames = new Map(departmentRows.map((row) => [row.id, row.name]));
  const categoryNames = new Map(categoryRows.map((row) => [row.id, row.name]));
  return {
    department: (id) => (id ? (departmentNames.get(id) ?? id) : ''),
    category: (id) => (id ? (categoryNames.get(id) ?? id) : ''),
  };
}
