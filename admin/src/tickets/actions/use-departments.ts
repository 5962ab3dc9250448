import { useGetList } from 'react-admin';
import type { Department } from '../../graphql/types';

export function useDepartments(): Department[] {
  const { data = [] } = useGetList<Department>('departments', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  return data;
}
