import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useTimezone } from '../../../common/timezone';
import { zonedToInstant } from '../../../common/zoned-time';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import type { Ticket } from '../../../graphql/types';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { ReasonField } from './text-fields';
import { useFieldErrorText } from './use-field-error';

interface ExtensionRequestFormProps {
  ticket: Ticket;
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['requestExtension']) => void;
  onCancel: () => void;
}

/** Extension request (延期申请): a new deadline, entered in the calendar's timezone, and a reason. */
export function ExtensionRequestForm({ ticket, pending, onSubmit, onCancel }: ExtensionRequestFormProps) {
  const translate = useTranslate();
  const errorText = useFieldErrorText();
  const timeZone = useTimezone();
  const [local, setLocal] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [date = '', time = ''] = local.split('T');
  const until = local ? zonedToInstant(date, time, timeZone) : null;
  const currentDue = ticket.sla.dueAt ? Date.parse(ticket.sla.dueAt) : Date.now();
  const untilError = !until
    ? { key: 'hotline.forms.until_required' }
    : until.getTime() <= currentDue
      ? { key: 'hotline.forms.until_after_due' }
      : undefined;
  const reasonError = requiredText(reason, MAX_LENGTH.reason, 'hotline.forms.reason_required');
  const submit = () => {
    setSubmitted(true);
    if (untilError || reasonError || !until) return;
    onSubmit({ until: until.toISOString(), reason: reason.trim() });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.requestExtension')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        type="datetime-local"
        label={translate('hotline.forms.until', { timezone: timeZone })}
        value={local}
        onChange={(event) => setLocal(event.target.value)}
        required
        slotProps={{ inputLabel: { shrink: true } }}
        error={submitted && !!untilError}
        helperText={errorText(untilError, submitted)}
      />
      <ReasonField
        label={translate('hotline.forms.reason')}
        value={reason}
        onChange={setReason}
        error={reasonError}
        submitted={submitted}
      />
    </FormShell>
  );
}
