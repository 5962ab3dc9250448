import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Ticket } from '../../../graphql/types';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText, requiredText } from '../validation';
import { OptionalTextField, ReasonField } from './text-fields';

interface CoHandlerChoiceFormProps {
  ticket: Ticket;
  submitLabel: string;
  /** Waiving needs a reason; a reminder takes an optional note. */
  reasonRequired?: boolean;
  pending?: boolean;
  onSubmit: (departmentId: string, text: string) => void;
  onCancel: () => void;
}

/** Remind (催办) or waive (免除) one co-handler whose part is open. */
export function CoHandlerChoiceForm(props: CoHandlerChoiceFormProps) {
  const { ticket, submitLabel, reasonRequired, pending, onSubmit, onCancel } = props;
  const translate = useTranslate();
  const open = ticket.coHandlers.filter((part) => part.status === 'PENDING' || part.status === 'ACCEPTED');
  const [departmentId, setDepartmentId] = useState(open[0]?.department.id ?? '');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const error = reasonRequired
    ? requiredText(text, MAX_LENGTH.reason, 'hotline.forms.reason_required')
    : optionalText(text, MAX_LENGTH.note);
  const submit = () => {
    setSubmitted(true);
    if (error || !departmentId) return;
    onSubmit(departmentId, text.trim());
  };
  return (
    <FormShell submitLabel={submitLabel} pending={pending} onSubmit={submit} onCancel={onCancel}>
      <TextField
        select
        label={translate('hotline.co_handling.department')}
        value={departmentId}
        onChange={(event) => setDepartmentId(event.target.value)}
      >
        {open.map((part) => (
          <MenuItem key={part.id} value={part.department.id}>
            {part.department.name} · {translate(`enums.CoHandlingStatus.${part.status}`)}
          </MenuItem>
        ))}
      </TextField>
      {reasonRequired ? (
        <ReasonField
          label={translate('hotline.co_handling.waive_reason')}
          value={text}
          onChange={setText}
          error={error}
          submitted={submitted}
        />
      ) : (
        <OptionalTextField
          label={translate('hotline.co_handling.remind_note')}
          value={text}
          onChange={setText}
          error={error}
        />
      )}
    </FormShell>
  );
}
