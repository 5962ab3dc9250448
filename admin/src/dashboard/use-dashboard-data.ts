import { useQuery } from '@tanstack/react-query';
import { useGetList } from 'react-admin';
import { useViewer } from '../auth/use-viewer';
import { useTimezone } from '../common/timezone';
import { zonedDayStart } from '../common/zoned-time';
import { useHotlineDataProvider } from '../data-provider';
import type { Department } from '../graphql/types';
import { type PeriodId, periodRanges } from './period';

export function useDashboardData(period: PeriodId) {
  const dataProvider = useHotlineDataProvider();
  const timeZone = useTimezone();
  const viewer = useViewer();
  const departmentId = viewer?.role === 'HANDLER' ? viewer.department?.id : undefined;
  const { current, previous } = periodRanges(period, timeZone);
  const stats = useQuery({
    queryKey: ['stats', current, departmentId],
    queryFn: () => dataProvider.getStats(current.from, current.to, departmentId),
    enabled: !!viewer,
  });
  const previousStats = useQuery({
    queryKey: ['stats', previous, departmentId],
    queryFn: () => dataProvider.getStats(previous.from, previous.to, departmentId),
    enabled: !!viewer,
  });
  const { data: departments = [] } = useGetList<Department>('departments', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  const active = departments.filter(
    (department) => department.active && department.kind !== 'HOTLINE_CENTER',
  );
  const scoped = departmentId ? active.filter((department) => department.id === departmentId) : active;
  const overdue = useQuery({
    queryKey: ['overdueByDepartment', scoped.map((department) => department.id)],
    queryFn: () => dataProvider.countOverdueByDepartment(scoped.map(({ id, name }) => ({ id, name }))),
    enabled: scoped.length > 0,
  });
  const since = zonedDayStart(new Date(), timeZone).toISOString();
  const escalations = useQuery({
    queryKey: ['escalationsSince', since],
    queryFn: () => dataProvider.getEscalationsSince(since),
    refetchInterval: 60_000,
  });
  return { stats, previousStats, overdue, escalations };
}
