import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TimeRange } from '../../graphql/types';
import { validateHours } from './calendar-model';

interface HoursEditorProps {
  hours: TimeRange[];
  onChange: (hours: TimeRange[]) => void;
}

export function HoursEditor({ hours, onChange }: HoursEditorProps) {
  const translate = useTranslate();
  const errors = validateHours(hours);
  const set = (index: number, key: keyof TimeRange, value: string) =>
    onChange(hours.map((range, position) => (position === index ? { ...range, [key]: value } : range)));
  return (
    <Stack spacing={1.5}>
      {hours.map((range, index) => {
        const error = errors[index];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity of their own; their place is it
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              type="time"
              size="small"
              label={translate('hotline.calendar.start')}
              value={range.start}
              onChange={(event) => set(index, 'start', event.target.value)}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { 'aria-label': translate('hotline.calendar.start_n', { n: index + 1 }) },
              }}
              error={!!error}
            />
            <TextField
              type="time"
              size="small"
              label={translate('hotline.calendar.end')}
              value={range.end}
              onChange={(event) => set(index, 'end', event.target.value)}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { 'aria-label': translate('hotline.calendar.end_n', { n: index + 1 }) },
              }}
              error={!!error}
              helperText={error ? translate(error) : undefined}
            />
            <IconButton
              onClick={() => onChange(hours.filter((_, position) => position !== index))}
              aria-label={translate('hotline.calendar.remove_range', { n: index + 1 })}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...hours, { start: '', end: '' }])}
        sx={{ alignSelf: 'flex-start' }}
      >
        {translate('hotline.calendar.add_range')}
      </Button>
    </Stack>
  );
}
