import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import { useDateFormat } from './timezone';
import { formatInZone } from './zoned-time';

export function DateTimeField({ short, ...props }: FieldProps & { short?: boolean }) {
  const value = useFieldValue(props) as string | null | undefined;
  const { dateTime, timeZone, locale } = useDateFormat();
  const text = short
    ? formatInZone(value, timeZone, locale, { dateStyle: 'short', timeStyle: 'short' })
    : dateTime(value);
  return (
    <Typography component="span" variant="body2" noWrap>
      {text}
    </Typography>
  );
}
