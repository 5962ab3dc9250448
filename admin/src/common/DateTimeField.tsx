import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import { useDateFormat } from './timezone';
import { formatInZone, zonedDateKey } from './zoned-time';

/**
 * A date and time in the calendar's timezone. `short` (for lists) leaves out this year's year, so a row
 * reads "11/30 08:35"; the full time is the cell's tooltip.
 */
export function DateTimeField({ short, ...props }: FieldProps & { short?: boolean }) {
  const value = useFieldValue(props) as string | null | undefined;
  const { dateTime, timeZone, locale } = useDateFormat();
  const thisYear =
    value != null &&
    zonedDateKey(new Date(value), timeZone).slice(0, 4) === zonedDateKey(new Date(), timeZone).slice(0, 4);
  const text = short
    ? formatInZone(value, timeZone, locale, {
        ...(thisYear ? {} : { year: 'numeric' }),
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    : dateTime(value);
  return (
    <Typography component="span" variant="body2" noWrap title={short ? dateTime(value) : undefined}>
      {text}
    </Typography>
  );
}
