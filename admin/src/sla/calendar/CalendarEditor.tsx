import {
  Box,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  Grid,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { BusinessCalendar } from '../../graphql/types';
import { toggleDay, workingMinutesPerDay } from './calendar-model';
import { HoursEditor } from './HoursEditor';
import { MonthView } from './MonthView';

interface CalendarEditorProps {
  value: BusinessCalendar;
  onChange: (value: BusinessCalendar) => void;
  /** YYYY-MM-DD of today in the calendar's timezone; the month view opens on its month. */
  today: string;
}

function DateChips({
  label,
  dates,
  onRemove,
}: {
  label: string;
  dates: string[];
  onRemove: (date: string) => void;
}) {
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="subtitle2">
        {label} ({dates.length})
      </Typography>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {dates.map((date) => (
          <Chip key={date} size="small" label={date} onDelete={() => onRemove(date)} />
        ))}
      </Stack>
    </Box>
  );
}

export function CalendarEditor({ value, onChange, today }: CalendarEditorProps) {
  const translate = useTranslate();
  const [view, setView] = useState(() => ({
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7)),
  }));
  const toggleWeekday = (weekday: number) => {
    const workdays = value.workdays.includes(weekday)
      ? value.workdays.filter((day) => day !== weekday)
      : [...value.workdays, weekday].sort();
    onChange({ ...value, workdays });
  };
  const minutes = workingMinutesPerDay(value.hours);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack spacing={2}>
              <TextField
                label={translate('hotline.calendar.timezone')}
                value={value.timezone}
                onChange={(event) => onChange({ ...value, timezone: event.target.value })}
                helperText={translate('hotline.calendar.timezone_help')}
              />
              <Box>
                <Typography variant="subtitle2">{translate('hotline.calendar.workdays')}</Typography>
                <FormGroup row>
                  {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
                    <FormControlLabel
                      key={weekday}
                      control={
                        <Checkbox
                          checked={value.workdays.includes(weekday)}
                          onChange={() => toggleWeekday(weekday)}
                        />
                      }
                      label={translate(`hotline.calendar.weekdays_short.${weekday}`)}
                    />
                  ))}
                </FormGroup>
              </Box>
              <Box>
                <Typography variant="subtitle2" gutterBottom>
                  {translate('hotline.calendar.hours')}
                </Typography>
                <HoursEditor hours={value.hours} onChange={(hours) => onChange({ ...value, hours })} />
                <Typography variant="caption" color="text.secondary">
                  {translate('hotline.calendar.day_length', {
                    hours: Math.floor(minutes / 60),
                    minutes: minutes % 60,
                  })}
                </Typography>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <MonthView
              calendar={value}
              year={view.year}
              month={view.month}
              today={today}
              onNavigate={(year, month) => setView({ year, month })}
              onToggle={(dateKey) => onChange(toggleDay(value, dateKey))}
            />
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {translate('hotline.calendar.click_help')}
            </Typography>
            <DateChips
              label={translate('hotline.calendar.holidays')}
              dates={value.holidays}
              onRemove={(date) =>
                onChange({ ...value, holidays: value.holidays.filter((other) => other !== date) })
              }
            />
            <DateChips
              label={translate('hotline.calendar.extra_workdays')}
              dates={value.extraWorkdays}
              onRemove={(date) =>
                onChange({ ...value, extraWorkdays: value.extraWorkdays.filter((other) => other !== date) })
              }
            />
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
