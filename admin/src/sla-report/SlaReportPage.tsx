import { Alert, Box, Card, CardContent, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useViewer } from '../auth/use-viewer';
import { PeriodPicker, useReportPeriod } from '../common/PeriodPicker';
import type { SlaReportData } from '../data/reporting';
import { useHotlineDataProvider } from '../data-provider';
import { ExportButton } from '../exports/ExportButton';
import { formatMinutes, formatRate } from './format';
import { BREACHES_PER_PAGE, SlaBreachList } from './SlaBreachList';
import { type FiguresRow, SlaFiguresTable } from './SlaFiguresTable';

type GroupBy = 'priority' | 'department' | 'category';

function Headline({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Card sx={{ flex: 1, minWidth: 180 }}>
      <CardContent>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h4">{value}</Typography>
        <Typography variant="body2" color="text.secondary">
          {detail}
        </Typography>
      </CardContent>
    </Card>
  );
}

function groupRows(
  report: SlaReportData,
  groupBy: GroupBy,
  translate: (key: string) => string,
): FiguresRow[] {
  if (groupBy === 'priority')
    return report.byPriority.map((row) => ({
      ...row,
      key: row.priority,
      label: translate(`enums.TicketPriority.${row.priority}`),
    }));
  if (groupBy === 'department')
    return report.byDepartment.map((row) => ({
      ...row,
      key: row.department?.id ?? 'none',
      label: row.department?.name ?? translate('hotline.sla_report.no_department'),
    }));
  return report.byCategory.map((row) => ({
    ...row,
    key: row.category?.id ?? 'none',
    label: row.category?.name ?? translate('hotline.sla_report.uncategorised'),
  }));
}

/** The month in review: % on time per priority, department and category, and every missed deadline. */
export default function SlaReportPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const viewer = useViewer();
  const departmentId = viewer?.role === 'HANDLER' ? viewer.department?.id : undefined;
  const periodState = useReportPeriod('last_month');
  const { days, range } = periodState;
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const [offset, setOffset] = useState(0);
  const report = useQuery({
    queryKey: ['slaReport', range, departmentId, offset],
    queryFn: () => dataProvider.getSlaReport({ ...range, departmentId, first: BREACHES_PER_PAGE, offset }),
    enabled: !!viewer && days.firstDay <= days.lastDay,
    placeholderData: keepPreviousData,
  });
  // A new period starts at the first page of missed deadlines.
  const rangeKey = `${range.from}/${range.to}`;
  const [offsetOf, setOffsetOf] = useState(rangeKey);
  if (offsetOf !== rangeKey) {
    setOffsetOf(rangeKey);
    setOffset(0);
  }
  const data = report.data;
  const minutes = (value: number | null | undefined) => formatMinutes(value, translate);
  const overall = data?.overall;
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.sla_report.${key}`, options);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={text('title')} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1, minWidth: 280 }}>
          {text('note')}
        </Typography>
        <PeriodPicker value={periodState} />
        <ExportButton what={() => ({ slaReport: { ...range, departmentId } })} disabled={!report.data} />
      </Stack>
      {report.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {report.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {String((report.error as Error).message)}
        </Alert>
      )}
      {data && overall && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="sla-headline">
            <Headline
              label={text('accept_rate')}
              value={formatRate(overall.acceptRate)}
              detail={text('met_of', {
                met: overall.acceptMet,
                judged: overall.acceptMet + overall.acceptMissed,
              })}
            />
            <Headline
              label={text('resolve_rate')}
              value={formatRate(overall.resolveRate)}
              detail={text('met_of', {
                met: overall.resolveMet,
                judged: overall.resolveMet + overall.resolveMissed,
              })}
            />
            <Headline
              label={text('avg_accept')}
              value={minutes(overall.avgAcceptMinutes)}
              detail={text('p90', { value: minutes(overall.p90AcceptMinutes) })}
            />
            <Headline
              label={text('avg_resolve')}
              value={minutes(overall.avgResolveMinutes)}
              detail={text('p90', { value: minutes(overall.p90ResolveMinutes) })}
            />
          </Stack>
          <Card>
            <Tabs value={groupBy} onChange={(_, value: GroupBy) => setGroupBy(value)} sx={{ px: 2 }}>
              {(['priority', 'department', 'category'] as const).map((id) => (
                <Tab key={id} value={id} label={text(`tabs.${id}`)} />
              ))}
            </Tabs>
            <CardContent sx={{ overflowX: 'auto' }}>
              <SlaFiguresTable rows={groupRows(data, groupBy, translate)} testId={`sla-by-${groupBy}`} />
            </CardContent>
          </Card>
          <Card>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Typography variant="h6" sx={{ mb: 1 }}>
                {text('breaches', { count: data.breaches.totalCount })}
              </Typography>
              <SlaBreachList breaches={data.breaches} offset={offset} onOffset={setOffset} />
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
}
