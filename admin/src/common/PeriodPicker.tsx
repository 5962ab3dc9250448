import { TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import {
  REPORT_PERIODS,
  type ReportDays,
  type ReportPeriodId,
  reportDays,
  reportRange,
} from '../sla-report/report-period';
import { useTimezone } from './timezone';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportPeriod {
  /** The named period chosen, or null for days picked by hand. */
  period: ReportPeriodId | null;
  days: ReportDays;
  /** [from, to) instants of the days in the calendar's zone. */
  range: { from: string; to: string };
  choose(days: ReportDays, period: ReportPeriodId | null): void;
}

/**
 * The period of a report page, kept in the URL (`?period=last_month` or `?from=2026-11-01&to=2026-11-30`)
 * so that a link, a reload and the back button show the same figures.
 */
export function useReportPeriod(fallback: ReportPeriodId = 'last_month'): ReportPeriod {
  const timeZone = useTimezone();
  const [params, setParams] = useSearchParams();
  const named = params.get('period') as ReportPeriodId | null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const byHand = DAY.test(from) && DAY.test(to);
  const period = named && REPORT_PERIODS.includes(named) ? named : byHand ? null : fallback;
  const days = period ? reportDays(period, timeZone) : { firstDay: from, lastDay: to };
  return {
    period,
    days,
    range: reportRange(days, timeZone),
    choose: (next, id) =>
      setParams(
        (previous) => {
          const kept = new URLSearchParams(previous);
          for (const key of ['period', 'from', 'to']) kept.delete(key);
          if (id) kept.set('period', id);
          else {
            kept.set('from', next.firstDay);
            kept.set('to', next.lastDay);
          }
          return kept;
        },
        { replace: true },
      ),
  };
}

/** This month, last month, the last 90 days, or two dates picked by hand. */
export function PeriodPicker({ value }: { value: ReportPeriod }) {
  const translate = useTranslate();
  const timeZone = useTimezone();
  const { period, days, choose } = value;
  const text = (key: string) => translate(`hotline.sla_report.${key}`);
  return (
    <>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={period}
        onChange={(_, id: ReportPeriodId | null) => id && choose(reportDays(id, timeZone), id)}
      >
        {REPORT_PERIODS.map((id) => (
          <ToggleButton key={id} value={id}>
            {text(`periods.${id}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        sx={{ width: 170 }}
        label={text('from')}
        value={days.firstDay}
        slotProps={{ inputLabel: { shrink: true } }}
        onChange={(event) => event.target.value && choose({ ...days, firstDay: event.target.value }, null)}
      />
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        sx={{ width: 170 }}
        label={text('to')}
        value={days.lastDay}
        slotProps={{ inputLabel: { shrink: true } }}
        onChange={(event) => event.target.value && choose({ ...days, lastDay: event.target.value }, null)}
      />
    </>
  );
}
