import { Chip, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useInput, useTranslate } from 'react-admin';

/** Reminder points as percentages of the resolution window, stored as fractions (0.5, 0.8). */
export function RemindAtInput({ source }: { source: string }) {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: [] });
  const fractions = ((field.value as number[] | undefined) ?? []).slice().sort((a, b) => a - b);
  const [text, setText] = useState('');
  const add = () => {
    const percent = Number(text);
    if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) return;
    const fraction = Math.round(percent * 10) / 1000;
    if (!fractions.includes(fraction)) field.onChange([...fractions, fraction].sort((a, b) => a - b));
    setText('');
  };
  return (
    <Stack spacing={1} sx={{ my: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.sla-policies.fields.remindAt')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {fractions.map((fraction) => (
          <Chip
            key={fraction}
            label={`${Math.round(fraction * 1000) / 10}%`}
            onDelete={() => field.onChange(fractions.filter((other) => other !== fraction))}
          />
        ))}
        <TextField
          size="small"
          type="number"
          label={translate('hotline.sla_policy.add_reminder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          onBlur={add}
          slotProps={{ htmlInput: { min: 1, max: 99 } }}
          sx={{ width: 160 }}
        />
      </Stack>
    </Stack>
  );
}
