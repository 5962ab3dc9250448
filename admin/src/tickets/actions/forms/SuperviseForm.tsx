import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../../graphql/enums';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { ReasonField } from './text-fields';

/** The longest reply deadline the server accepts (hours). */
const MAX_HOURS = 720;

interface SuperviseFormProps {
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['supervise']) => void;
  onCancel: () => void;
}

/** 督办/催办: a level, the instruction to the department and the hours it has to reply. */
export function SuperviseForm({ pending, onSubmit, onCancel }: SuperviseFormProps) {
  const translate = useTranslate();
  const [level, setLevel] = useState<SupervisionLevel>('SUPERVISE');
  const [note, setNote] = useState('');
  const [hours, setHours] = useState('72');
  const [submitted, setSubmitted] = useState(false);
  const noteError = requiredText(note, MAX_LENGTH.reason, 'hotline.supervision.note_required');
  const hoursValue = Number(hours);
  const hoursInvalid = !Number.isInteger(hoursValue) || hoursValue < 1 || hoursValue > MAX_HOURS;
  const submit = () => {
    setSubmitted(true);
    if (noteError || hoursInvalid) return;
    onSubmit({ level, note: note.trim(), replyWithinHours: hoursValue });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.supervise')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        select
        label={translate('hotline.supervision.level')}
        value={level}
        onChange={(event) => setLevel(event.target.value as SupervisionLevel)}
      >
        {SUPERVISION_LEVELS.map((value) => (
          <MenuItem key={value} value={value}>
            {translate(`enums.SupervisionLevel.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <ReasonField
        label={translate('hotline.supervision.note')}
        value={note}
        onChange={setNote}
        error={noteError}
        submitted={submitted}
      />
      <TextField
        type="number"
        label={translate('hotline.supervision.within_hours')}
        value={hours}
        onChange={(event) => setHours(event.target.value)}
        slotProps={{ htmlInput: { min: 1, max: MAX_HOURS, step: 1 } }}
        error={submitted && hoursInvalid}
        helperText={submitted && hoursInvalid ? translate('hotline.supervision.hours_invalid') : undefined}
      />
    </FormShell>
  );
}
