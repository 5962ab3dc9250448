import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { SlaClock } from '../graphql/enums';
import {
  type DurationUnit,
  fromSimpleDuration,
  humanizeDuration,
  normalizeDuration,
  parseDuration,
  toSimpleDuration,
} from './duration';

interface DurationInputProps {
  label: string;
  value: string;
  clock: SlaClock;
  onChange: (iso: string) => void;
  error?: string;
}

const UNITS: DurationUnit[] = ['minutes', 'hours', 'days'];

/** An amount and a unit ("3 working days"), stored as an ISO-8601 duration (P3D). */
export function DurationInput({ label, value, clock, onChange, error }: DurationInputProps) {
  const translate = useTranslate();
  const simple = toSimpleDuration(value || 'PT0H');
  const [raw, setRaw] = useState(value);
  useEffect(() => setRaw(value), [value]);
  const prefix = clock === 'BUSINESS' ? 'business_' : '';
  const human = parseDuration(value) ? humanizeDuration(value, clock, translate) : '';

  if (!simple) {
    return (
      <TextField
        label={label}
        value={raw}
        onChange={(event) => setRaw(event.target.value)}
        onBlur={() => parseDuration(normalizeDuration(raw)) && onChange(normalizeDuration(raw))}
        error={!!error || !parseDuration(normalizeDuration(raw))}
        helperText={error ?? (human || translate('hotline.duration.invalid'))}
      />
    );
  }
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={1}>
        <TextField
          type="number"
          label={label}
          value={simple.amount}
          onChange={(event) =>
            onChange(fromSimpleDuration({ amount: Number(event.target.value), unit: simple.unit }))
          }
          slotProps={{ htmlInput: { min: 0, step: 1 } }}
          error={!!error}
          sx={{ width: 160 }}
        />
        <TextField
          select
          label={translate('hotline.duration.unit')}
          value={simple.unit}
          onChange={(event) =>
            onChange(fromSimpleDuration({ amount: simple.amount, unit: event.target.value as DurationUnit }))
          }
          sx={{ width: 160 }}
        >
          {UNITS.map((unit) => (
            <MenuItem key={unit} value={unit}>
              {translate(`hotline.duration.unit_${unit === 'minutes' ? '' : prefix}${unit}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="caption" color={error ? 'error' : 'text.secondary'} data-testid="duration-human">
        {error ?? `= ${human} (${value})`}
      </Typography>
    </Stack>
  );
}
