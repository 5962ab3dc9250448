import { useQuery } from '@tanstack/react-query';
import type { Viewer } from '../graphql/types';
import { currentViewer } from './auth-store';

export function useViewer(): Viewer | undefined {
  return useQuery({ queryKey: ['viewer'], queryFn: currentViewer, staleTime: Number.POSITIVE_INFINITY }).data;
}
