import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, ButtonBase, IconButton, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { BusinessCalendar } from '../../graphql/types';
import { type DayKind, dayKind, monthGrid } from './calendar-model';

const KIND_STYLE: Record<DayKind, { bgcolor: string; color: string }> = {
  workday: { bgcolor: 'background.paper', color: 'text.primary' },
  restday: { bgcolor: 'action.hover', color: 'text.secondary' },
  holiday: { bgcolor: 'error.light', color: 'error.contrastText' },
  makeup: { bgcolor: 'info.light', color: 'info.contrastText' },
};

interface MonthViewProps {
  calendar: BusinessCalendar;
  year: number;
  month: number;
  today?: string;
  onNavigate: (year: number, month: number) => void;
  onToggle: (dateKey: string) => void;
}

/** A month to click through: a click turns a working day into a holiday, a rest day into a make-up workday. */
export function MonthView({ calendar, year, month, today, onNavigate, onToggle }: MonthViewProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  const shift = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    onNavigate(Math.floor(index / 12), (index % 12) + 1);
  };
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <IconButton onClick={() => shift(-1)} aria-label={translate('hotline.calendar.previous_month')}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="h6" role="heading" aria-level={3}>
          {title}
        </Typography>
        <IconButton onClick={() => shift(1)} aria-label={translate('hotline.calendar.next_month')}>
          <ChevronRightIcon />
        </IconButton>
      </Stack>
      <Box role="grid" sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 0.5 }}>
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
          <Typography
            key={weekday}
            role="columnheader"
            variant="caption"
            align="center"
            color="text.secondary"
          >
            {translate(`hotline.calendar.weekdays_short.${weekday}`)}
          </Typography>
        ))}
        {monthGrid(year, month)
          .flat()
          .map((dateKey, index) => {
            // biome-ignore lint/suspicious/noArrayIndexKey: blank cells differ only by their place in the grid
            if (!dateKey) return <Box key={`blank-${index}`} />;
            const kind = dayKind(dateKey, calendar);
            const label = translate(`hotline.calendar.kinds.${kind}`);
            return (
              <ButtonBase
                key={dateKey}
                role="gridcell"
                onClick={() => onToggle(dateKey)}
                aria-label={`${dateKey} ${label}`}
                aria-pressed={kind === 'holiday' || kind === 'makeup'}
                sx={{
                  ...KIND_STYLE[kind],
                  flexDirection: 'column',
                  borderRadius: 1,
                  border: 1,
                  borderColor: dateKey === today ? 'primary.main' : 'divider',
                  py: 0.75,
                  minHeight: 52,
                }}
              >
                <Typography variant="body2">{Number(dateKey.slice(8))}</Typography>
                {(kind === 'holiday' || kind === 'makeup') && (
                  <Typography variant="caption" sx={{ fontWeight: 700 }}>
                    {translate(`hotline.calendar.marks.${kind}`)}
                  </Typography>
                )}
              </ButtonBase>
            );
          })}
      </Box>
    </Box>
  );
}
