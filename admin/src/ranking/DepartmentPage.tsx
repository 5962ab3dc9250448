import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useViewer } from '../auth/use-viewer';
import { PeriodPicker, useReportPeriod } from '../common/PeriodPicker';
import { useTimezone } from '../common/timezone';
import { ChartCard } from '../dashboard/ChartCard';
import type { DepartmentScorecardData, Scorecard } from '../data/ranking';
import { useHotlineDataProvider } from '../data-provider';
import { ExportButton } from '../exports/ExportButton';
import { changeText, type DrillDownFigure, daysText, drillDownLink, percent, scoreText } from './drill-down';

function Headline({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId?: string;
}) {
  return (
    <Card sx={{ flex: 1, minWidth: 160 }} data-testid={testId}>
      <CardContent>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h4">{value}</Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function TrendChart({ byDay }: { byDay: DepartmentScorecardData['byDay'] }) {
  const theme = useTheme();
  const translate = useTranslate();
  const text = (key: string) => translate(`hotline.ranking.figures.${key}`);
  const rate = (value: number | null) => (value == null ? null : Math.round(value * 1000) / 10);
  const data = byDay.map((day) => ({
    date: day.date.slice(5),
    volume: day.scorecard.volume,
    responseRate: rate(day.scorecard.responseRate),
    onTimeResolutionRate: rate(day.scorecard.onTimeResolutionRate),
    satisfactionRate: rate(day.scorecard.satisfactionRate),
  }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={data} margin={{ top: 10, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis yAxisId="rate" domain={[0, 100]} unit="%" />
        <YAxis yAxisId="count" orientation="right" allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="count"
          isAnimationActive={false}
          dataKey="volume"
          name={text('volume')}
          fill={theme.palette.primary.light}
          fillOpacity={0.5}
        />
        {(
          [
            ['responseRate', theme.palette.success.main],
            ['onTimeResolutionRate', theme.palette.warning.main],
            ['satisfactionRate', theme.palette.secondary.main],
          ] as const
        ).map(([key, color]) => (
          <Line
            key={key}
            yAxisId="rate"
            isAnimationActive={false}
            type="monotone"
            dataKey={key}
            name={text(key)}
            stroke={color}
            connectNulls
            // A rate known on a single day is a lone point: without a dot it would draw nothing.
            dot={{ r: 2 }}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

interface FigureRow {
  key: string;
  /** The count, with a link to its tickets when it has a filter. */
  count(card: Scorecard): number;
  drillDown?: DrillDownFigure;
  rate?: keyof Scorecard;
}

const FIGURES: FigureRow[] = [
  { key: 'volume', count: (card) => card.volume, drillDown: 'volume' },
  { key: 'dispatched', count: (card) => card.dispatched, drillDown: 'dispatched' },
  {
    key: 'acceptedOnTime',
    count: (card) => card.acceptedOnTime,
    drillDown: 'acceptedOnTime',
    rate: 'responseRate',
  },
  { key: 'resolved', count: (card) => card.resolved, drillDown: 'resolved', rate: 'resolutionRate' },
  {
    key: 'resolvedOnTime',
    count: (card) => card.resolvedOnTime,
    drillDown: 'resolvedOnTime',
    rate: 'onTimeResolutionRate',
  },
  {
    key: 'resolvedLate',
    count: (card) => card.resolvedWithDeadline - card.resolvedOnTime,
    drillDown: 'resolvedLate',
  },
  { key: 'excluded', count: (card) => card.excluded },
  { key: 'feedback', count: (card) => card.feedback, drillDown: 'feedback' },
  { key: 'satisfied', count: (card) => card.satisfied, drillDown: 'satisfied', rate: 'satisfactionRate' },
  { key: 'reopened', count: (card) => card.reopened, drillDown: 'reopened', rate: 'reopenRate' },
  {
    key: 'returnedTickets',
    count: (card) => card.returnedTickets,
    drillDown: 'returnedTickets',
    rate: 'returnRate',
  },
  { key: 'returns', count: (card) => card.returns },
  { key: 'rejectedReturns', count: (card) => card.rejectedReturns, drillDown: 'rejectedReturns' },
  { key: 'supervisedTickets', count: (card) => card.supervisedTickets, drillDown: 'supervisedTickets' },
];

/** Shown when the department was asked to co-handle (协办) in either period. */
const CO_HANDLING_FIGURES: FigureRow[] = [
  { key: 'coHandlingRequests', count: (card) => card.coHandlingRequests, drillDown: 'coHandlingRequests' },
  { key: 'coHandlingExcused', count: (card) => card.coHandlingExcused },
  {
    key: 'coHandlingRepliedOnTime',
    count: (card) => card.coHandlingRepliedOnTime,
    rate: 'coHandlingOnTimeRate',
  },
];

/** One department's scorecard over a period: headline, daily trend, and each figure linked to its tickets. */
export default function DepartmentPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const viewer = useViewer();
  const timeZone = useTimezone();
  const location = useLocation();
  const { departmentId = '' } = useParams();
  const { canAccess: canRank } = useCanAccess({ resource: 'ranking', action: 'list' });
  const period = useReportPeriod('last_month');
  const { days, range } = period;
  const report = useQuery({
    queryKey: ['departmentScorecard', departmentId, range],
    queryFn: () => dataProvider.getDepartmentScorecard(departmentId, range.from, range.to),
    enabled: !!viewer && !!departmentId && days.firstDay <= days.lastDay,
    placeholderData: keepPreviousData,
  });
  const data = report.data?.department.id === departmentId ? report.data : undefined;
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.ranking.${key}`, options);
  const figure = (key: string) => text(`figures.${key}`);
  const department = data?.department;
  const countCell = (row: FigureRow, card: Scorecard, linked: boolean) => {
    const count = row.count(card);
    if (!linked || !row.drillDown || !department) return count;
    return (
      <Link
        component={RouterLink}
        to={drillDownLink(row.drillDown, department, range)}
        data-testid={`drill-${row.key}`}
      >
        {count}
      </Link>
    );
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title={department ? text('department_title', { name: department.name }) : text('title')} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {canRank && (
          <Button
            component={RouterLink}
            to={`/ranking${location.search}`}
            startIcon={<ArrowBackIcon />}
            size="small"
          >
            {text('back')}
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <PeriodPicker value={period} />
        <ExportButton what={() => ({ stats: { ...range, departmentId } })} disabled={!data} />
      </Stack>
      {report.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {report.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {String((report.error as Error).message)}
        </Alert>
      )}
      {data && department && (
        <Stack spacing={2}>
          <Stack
            direction="row"
            spacing={2}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            data-testid="scorecard-headline"
          >
            <Headline
              label={text('columns.score')}
              value={scoreText(data.current.score)}
              detail={text('change_detail', { change: changeText(data.scoreChange) })}
            />
            <Headline label={figure('volume')} value={String(data.current.volume)} />
            <Headline label={figure('responseRate')} value={percent(data.current.responseRate)} />
            <Headline
              label={figure('onTimeResolutionRate')}
              value={percent(data.current.onTimeResolutionRate)}
            />
            <Headline label={figure('satisfactionRate')} value={percent(data.current.satisfactionRate)} />
            <Headline label={figure('overdueNow')} value={String(data.overdueNow)} />
          </Stack>
          <ChartCard title={text('trend')} testId="scorecard-trend">
            <TrendChart byDay={data.byDay} />
          </ChartCard>
          <Card>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Typography variant="h6">{text('figures_title')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {text('figures_note', {
                  current: daysText(data.from, data.to, timeZone),
                  previous: daysText(data.previousFrom, data.previousTo, timeZone),
                })}
              </Typography>
              <Table size="small" data-testid="scorecard-figures">
                <TableHead>
                  <TableRow>
                    <TableCell>{text('figure')}</TableCell>
                    <TableCell align="right">{text('this_period')}</TableCell>
                    <TableCell align="right">{text('rate')}</TableCell>
                    <TableCell align="right">{text('previous_period_short')}</TableCell>
                    <TableCell align="right">{text('rate')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[
                    ...FIGURES,
                    ...(data.current.coHandlingRequests + data.previous.coHandlingRequests > 0
                      ? CO_HANDLING_FIGURES
                      : []),
                  ].map((row) => (
                    <TableRow key={row.key} hover>
                      <TableCell>{figure(row.key)}</TableCell>
                      <TableCell align="right">{countCell(row, data.current, true)}</TableCell>
                      <TableCell align="right">
                        {row.rate ? percent(data.current[row.rate] as number | null) : ''}
                      </TableCell>
                      <TableCell align="right">{countCell(row, data.previous, false)}</TableCell>
                      <TableCell align="right">
                        {row.rate ? percent(data.previous[row.rate] as number | null) : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow hover>
                    <TableCell>{figure('overdueNow')}</TableCell>
                    <TableCell align="right">
                      <Link
                        component={RouterLink}
                        to={drillDownLink('overdueNow', department, range)}
                        data-testid="drill-overdueNow"
                      >
                        {data.overdueNow}
                      </Link>
                    </TableCell>
                    <TableCell colSpan={3} sx={{ color: 'text.secondary' }}>
                      {text('live')}
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
}
