import { allowedCloseReasons } from '@hotline/api/domain';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import type { CloseReason } from '../../../graphql/enums';
import type { Ticket } from '../../../graphql/types';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText } from '../validation';
import { OptionalTextField } from './text-fields';

interface CloseFormProps {
  ticket: Pick<Ticket, 'status'>;
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['close']) => void;
  onCancel: () => void;
}

/** The close reasons offered depend on the status: NEW may be answered directly or refused. */
export function CloseForm({ ticket, pending, onSubmit, onCancel }: CloseFormProps) {
  const translate = useTranslate();
  const reasons = allowedCloseReasons(ticket.status);
  const [reason, setReason] = useState<CloseReason | ''>(reasons.length === 1 ? (reasons[0] ?? '') : '');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const noteError = optionalText(note, MAX_LENGTH.note);
  const submit = () => {
    setSubmitted(true);
    if (!reason || noteError) return;
    onSubmit({ reason, note: note.trim() || undefined });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.close')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        select
        label={translate('hotline.forms.close_reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value as CloseReason)}
        required
        error={submitted && !reason}
        helperText={submitted && !reason ? translate('hotline.forms.close_reason_required') : undefined}
      >
        {reasons.map((value) => (
          <MenuItem key={value} value={value}>
            {translate(`enums.CloseReason.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <OptionalTextField
        label={translate('hotline.forms.note')}
        value={note}
        onChange={setNote}
        error={noteError}
      />
    </FormShell>
  );
}
