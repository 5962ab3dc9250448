import {
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  Link,
  List,
  ListItem,
  ListItemText,
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
import { Title, useTranslate } from 'react-admin';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useViewer } from '../auth/use-viewer';
import { PeriodPicker, useReportPeriod } from '../common/PeriodPicker';
import { useTimezone } from '../common/timezone';
import { ChartCard, EmptyChart } from '../dashboard/ChartCard';
import type { RankingEntry } from '../data/ranking';
import { useHotlineDataProvider } from '../data-provider';
import { ExportButton } from '../exports/ExportButton';
import { changeText, daysText, percent, scoreText } from './drill-down';
import { WeightsDialog } from './WeightsDialog';

/** How many departments the red and black lists name. */
const LIST_SIZE = 3;

function ChangeCell({ change }: { change: number | null }) {
  const color = change == null || change === 0 ? undefined : change > 0 ? 'success.main' : 'error.main';
  return (
    <TableCell align="right" sx={{ color }}>
      {changeText(change)}
    </TableCell>
  );
}

function HonourList({
  title,
  entries,
  testId,
  color,
}: {
  title: string;
  entries: RankingEntry[];
  testId: string;
  color: string;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%', borderTop: 4, borderColor: color }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6">{title}</Typography>
        {entries.length === 0 ? (
          <Typography color="text.secondary">{translate('hotline.dashboard.nothing')}</Typography>
        ) : (
          <List dense>
            {entries.map((entry) => (
              <ListItem key={entry.department.id} disableGutters>
                <ListItemText
                  primary={`${entry.rank}. ${entry.department.name}`}
                  secondary={translate('hotline.ranking.score_line', {
                    score: scoreText(entry.current.score),
                    change: changeText(entry.scoreChange),
                  })}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

function ScoreChart({ entries }: { entries: RankingEntry[] }) {
  const theme = useTheme();
  const translate = useTranslate();
  const data = entries
    .filter((entry) => entry.current.score != null)
    .map((entry) => ({
      name: entry.department.name,
      value: Math.round((entry.current.score ?? 0) * 10) / 10,
    }));
  if (data.length === 0) return <EmptyChart text={translate('hotline.dashboard.nothing')} />;
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 28 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} />
        <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [value, translate('hotline.ranking.columns.score')]} />
        <Bar
          isAnimationActive={false}
          dataKey="value"
          fill={theme.palette.primary.main}
          radius={[0, 4, 4, 0]}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

const COLUMNS = [
  'rank',
  'department',
  'score',
  'change',
  'volume',
  'responseRate',
  'onTimeResolutionRate',
  'overdueNow',
  'returns',
  'reopenRate',
  'satisfactionRate',
  'supervisedTickets',
] as const;

/** Every department ranked by its score over a period: red and black lists, the score chart, the table. */
export default function RankingPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const viewer = useViewer();
  const location = useLocation();
  const timeZone = useTimezone();
  const period = useReportPeriod('last_month');
  const { days, range } = period;
  const ranking = useQuery({
    queryKey: ['departmentRanking', range],
    queryFn: () => dataProvider.getDepartmentRanking(range.from, range.to),
    enabled: !!viewer && days.firstDay <= days.lastDay,
    placeholderData: keepPreviousData,
  });
  const data = ranking.data;
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.ranking.${key}`, options);
  const scored = (data?.entries ?? []).filter((entry) => entry.current.score != null);
  const top = scored.slice(0, LIST_SIZE);
  const bottom = scored.slice(Math.max(LIST_SIZE, scored.length - LIST_SIZE)).reverse();
  return (
    <Box sx={{ p: 2 }}>
      <Title title={text('title')} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1, minWidth: 280 }}>
          {text('note')}
        </Typography>
        <PeriodPicker value={period} />
        {data && <WeightsDialog weights={data.weights} />}
        <ExportButton what={() => ({ ranking: range })} disabled={!data} />
      </Stack>
      {ranking.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {ranking.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {String((ranking.error as Error).message)}
        </Alert>
      )}
      {data && (
        <Stack spacing={2}>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <HonourList title={text('red_list')} entries={top} testId="red-list" color="error.main" />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <HonourList title={text('black_list')} entries={bottom} testId="black-list" color="grey.800" />
            </Grid>
          </Grid>
          <ChartCard title={text('score_chart')} testId="score-chart">
            <ScoreChart entries={data.entries} />
          </ChartCard>
          <Card>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="ranking-table">
                <TableHead>
                  <TableRow>
                    {COLUMNS.map((column) => (
                      <TableCell key={column} align={column === 'department' ? 'left' : 'right'}>
                        {text(`columns.${column}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.entries.map((entry) => (
                    <TableRow key={entry.department.id} hover>
                      <TableCell align="right">{entry.rank}</TableCell>
                      <TableCell>
                        <Link component={RouterLink} to={`/ranking/${entry.department.id}${location.search}`}>
                          {entry.department.name}
                        </Link>
                      </TableCell>
                      <TableCell align="right">{scoreText(entry.current.score)}</TableCell>
                      <ChangeCell change={entry.scoreChange} />
                      <TableCell align="right">{entry.current.volume}</TableCell>
                      <TableCell align="right">{percent(entry.current.responseRate)}</TableCell>
                      <TableCell align="right">{percent(entry.current.onTimeResolutionRate)}</TableCell>
                      <TableCell align="right">{entry.overdueNow}</TableCell>
                      <TableCell align="right">{entry.current.returns}</TableCell>
                      <TableCell align="right">{percent(entry.current.reopenRate)}</TableCell>
                      <TableCell align="right">{percent(entry.current.satisfactionRate)}</TableCell>
                      <TableCell align="right">{entry.current.supervisedTickets}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Typography variant="caption" color="text.secondary">
                {text('previous_period', { days: daysText(data.previousFrom, data.previousTo, timeZone) })}
              </Typography>
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
}
