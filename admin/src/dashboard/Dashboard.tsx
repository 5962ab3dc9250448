import {
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  useTheme,
} from '@mui/material';
import { useState } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { PendingReturnsCard } from '../return-review/PendingReturnsCard';
import { ChartCard } from './ChartCard';
import { EscalationChart, HorizontalBars, VolumeChart } from './charts';
import { PERIOD_DAYS, type PeriodId } from './period';
import { RateCards } from './RateCards';
import { useDashboardData } from './use-dashboard-data';

function Totals({ values }: { values: [string, number | undefined][] }) {
  const translate = useTranslate();
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {values.map(([key, value]) => (
            <Box key={key}>
              <Typography variant="overline">{translate(`hotline.dashboard.${key}`)}</Typography>
              <Typography variant="h5">{value ?? '—'}</Typography>
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

export default function Dashboard() {
  const translate = useTranslate();
  const theme = useTheme();
  const [period, setPeriod] = useState<PeriodId>('week');
  const { stats, previousStats, overdue, escalations } = useDashboardData(period);
  const current = stats.data;
  const overdueBars = (overdue.data ?? [])
    .filter((row) => row.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .slice(0, 12)
    .map((row) => ({ name: row.name, value: row.overdue }));
  const categoryBars = (current?.byCategory ?? [])
    .slice(0, 10)
    .map((row) => ({ name: row.category.name, value: row.count }));
  const escalationList = escalations.data ?? [];
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h5">{translate('hotline.dashboard.title')}</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={period}
          onChange={(_, value: PeriodId | null) => value && setPeriod(value)}
        >
          {(Object.keys(PERIOD_DAYS) as PeriodId[]).map((id) => (
            <ToggleButton key={id} value={id}>
              {translate(`hotline.dashboard.periods.${id}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {stats.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {String((stats.error as Error).message)}
        </Alert>
      )}
      <Stack spacing={2}>
        <PendingReturnsCard />
        <RateCards current={current} previous={previousStats.data} />
        <Totals
          values={[
            ['received', current?.received],
            ['dispatched', current?.dispatched],
            ['resolved', current?.resolved],
            ['overdue', current?.overdue],
          ]}
        />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <ChartCard title={translate('hotline.dashboard.volume')} testId="chart-volume">
              <VolumeChart byDay={current?.byDay ?? []} />
            </ChartCard>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <ChartCard title={translate('hotline.dashboard.escalations_today')} testId="chart-escalations">
              <EscalationChart escalations={escalationList} />
              {escalationList.slice(0, 5).map((item) => (
                <Typography key={`${item.ticketId}-${item.level}`} variant="body2" noWrap>
                  <Link to={`/tickets/${encodeURIComponent(item.ticketId)}/show`}>{item.number}</Link> ·{' '}
                  {item.department ?? '—'} · {translate('hotline.sla.level', { level: item.level })}
                </Typography>
              ))}
            </ChartCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ChartCard title={translate('hotline.dashboard.top_categories')} testId="chart-categories">
              <HorizontalBars
                data={categoryBars}
                color={theme.palette.secondary.main}
                label={translate('hotline.dashboard.received')}
              />
            </ChartCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ChartCard title={translate('hotline.dashboard.overdue_by_department')} testId="chart-overdue">
              <HorizontalBars
                data={overdueBars}
                color={theme.palette.error.main}
                label={translate('hotline.dashboard.overdue')}
              />
            </ChartCard>
          </Grid>
        </Grid>
      </Stack>
    </Box>
  );
}
