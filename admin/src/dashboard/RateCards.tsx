import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Box, Card, CardContent, CircularProgress, Grid, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { HotlineStats } from '../graphql/types';
import { rateChange } from './period';

const RATES = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

function RateGauge({ value }: { value: number | null }) {
  const percent = value == null ? 0 : Math.round(value * 1000) / 10;
  const color = value == null ? 'inherit' : value >= 0.9 ? 'success' : value >= 0.75 ? 'warning' : 'error';
  return (
    <Box sx={{ position: 'relative', display: 'inline-flex' }}>
      <CircularProgress
        variant="determinate"
        value={100}
        size={84}
        thickness={5}
        sx={{ color: 'action.hover', position: 'absolute' }}
      />
      <CircularProgress variant="determinate" value={percent} size={84} thickness={5} color={color} />
      <Box
        sx={{
          position: 'absolute',
          inset: 0,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
          {value == null ? '—' : `${percent}%`}
        </Typography>
      </Box>
    </Box>
  );
}

function Change({ points }: { points: number | null }) {
  const translate = useTranslate();
  if (points == null)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('hotline.dashboard.no_previous')}
      </Typography>
    );
  const up = points >= 0;
  return (
    <Stack direction="row" sx={{ alignItems: 'center', color: up ? 'success.main' : 'error.main' }}>
      {up ? <ArrowUpwardIcon fontSize="small" /> : <ArrowDownwardIcon fontSize="small" />}
      <Typography variant="body2">
        {translate('hotline.dashboard.change', { points: `${up ? '+' : ''}${points}` })}
      </Typography>
    </Stack>
  );
}

export function RateCards({ current, previous }: { current?: HotlineStats; previous?: HotlineStats }) {
  const translate = useTranslate();
  return (
    <Grid container spacing={2}>
      {RATES.map((rate) => (
        <Grid key={rate} size={{ xs: 12, md: 4 }}>
          <Card>
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <RateGauge value={current?.[rate] ?? null} />
                <Box>
                  <Typography variant="overline">{translate(`hotline.dashboard.${rate}`)}</Typography>
                  <Change points={rateChange(current?.[rate] ?? null, previous?.[rate] ?? null)} />
                </Box>
              </Stack>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
