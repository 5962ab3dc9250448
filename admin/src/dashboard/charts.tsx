import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EscalationToday } from '../data/reporting';
import type { HotlineStats } from '../graphql/types';
import { EmptyChart } from './ChartCard';

export function VolumeChart({ byDay }: { byDay: HotlineStats['byDay'] }) {
  const theme = useTheme();
  const translate = useTranslate();
  const data = byDay.map((day) => ({ date: day.date.slice(5), count: day.count }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <AreaChart data={data} margin={{ top: 10, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [value, translate('hotline.dashboard.received')]} />
        <Area
          isAnimationActive={false}
          type="monotone"
          dataKey="count"
          stroke={theme.palette.primary.main}
          fill={theme.palette.primary.light}
          fillOpacity={0.4}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}

interface BarDatum {
  name: string;
  value: number;
}

export function HorizontalBars({ data, color, label }: { data: BarDatum[]; color: string; label: string }) {
  const translate = useTranslate();
  if (data.length === 0) return <EmptyChart text={translate('hotline.dashboard.nothing')} />;
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 32 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [value, label]} />
        <Bar isAnimationActive={false} dataKey="value" fill={color} radius={[0, 4, 4, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const LEVEL_COLORS = ['#f9a825', '#ef6c00', '#c62828', '#6a1b9a'];

export function EscalationChart({ escalations }: { escalations: EscalationToday[] }) {
  const translate = useTranslate();
  if (escalations.length === 0) return <EmptyChart text={translate('hotline.dashboard.no_escalations')} />;
  const byLevel = new Map<number, number>();
  for (const escalation of escalations)
    byLevel.set(escalation.level, (byLevel.get(escalation.level) ?? 0) + 1);
  const data = [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, count]) => ({ name: translate('hotline.sla.level', { level }), level, value: count }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 10, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [value, translate('hotline.dashboard.escalations')]} />
        <Bar isAnimationActive={false} dataKey="value" radius={[4, 4, 0, 0]}>
          {data.map((entry) => (
            <Cell
              key={entry.level}
              fill={LEVEL_COLORS[Math.min(entry.level - 1, LEVEL_COLORS.length - 1)] ?? '#c62828'}
            />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
