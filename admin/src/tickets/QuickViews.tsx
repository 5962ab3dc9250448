import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

interface QuickView {
  id: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

/** "escalated" uses the served schema's `escalated` filter (escalated in the current SLA cycle), longest overdue first. */
const QUICK_VIEWS: QuickView[] = [
  { id: 'all', filter: {} },
  { id: 'awaiting_dispatch', filter: { status: ['NEW'] } },
  { id: 'overdue', filter: { overdue: true } },
  { id: 'returned', filter: { status: ['RETURNED'] } },
  {
    id: 'escalated',
    filter: { escalated: true },
    sort: { field: 'sla.dueAt', order: 'ASC' },
  },
];

function sameFilter(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => key !== 'search'));
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export function QuickViews() {
  const translate = useTranslate();
  const { filterValues, setFilters, setSort } = useListContext();
  const active = QUICK_VIEWS.find((view) => sameFilter(view.filter, filterValues))?.id ?? false;
  const choose = (view: QuickView) => {
    const search = filterValues.search ? { search: filterValues.search } : {};
    setFilters({ ...view.filter, ...search }, {});
    setSort(view.sort ?? { field: 'createdAt', order: 'DESC' });
  };
  return (
    <Tabs value={active} variant="scrollable" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
      {QUICK_VIEWS.map((view) => (
        <Tab
          key={view.id}
          value={view.id}
          label={translate(`hotline.quick_views.${view.id}`)}
          onClick={() => choose(view)}
        />
      ))}
    </Tabs>
  );
}
