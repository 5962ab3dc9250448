import { useGetList, useInput } from 'react-admin';
import type { Category, RoutingConditions } from '../graphql/types';
import { ConditionsEditor } from './ConditionsEditor';
import { normalizeConditions } from './conditions';

const ALL = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' as const } };

export function ConditionsInput({ source }: { source: string }) {
  const { field } = useInput({ source });
  const { data: categories = [] } = useGetList<Category>('categories', ALL);
  const { data: areas = [] } = useGetList<Category>('areas', ALL);
  return (
    <ConditionsEditor
      value={normalizeConditions(field.value as Partial<RoutingConditions>)}
      onChange={field.onChange}
      categories={categories}
      areas={areas}
    />
  );
}
