import { Alert, FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { TicketActionVariables } from '../../../data/ticket-actions';
import type { Ticket } from '../../../graphql/types';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText } from '../validation';
import { OptionalTextField } from './text-fields';

interface ExtensionDecisionFormProps {
  ticket: Ticket;
  pending?: boolean;
  onSubmit: (values: TicketActionVariables['decideExtension']) => void;
  onCancel: () => void;
}

export function ExtensionDecisionForm({ ticket, pending, onSubmit, onCancel }: ExtensionDecisionFormProps) {
  const translate = useTranslate();
  const [approve, setApprove] = useState(true);
  const [note, setNote] = useState('');
  const noteError = optionalText(note, MAX_LENGTH.note);
  const request = [...(ticket.events?.nodes ?? [])]
    .reverse()
    .find((event) => event.type === 'EXTENSION_REQUESTED');
  const submit = () => {
    if (!noteError) onSubmit({ approve, note: note.trim() || undefined });
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.decideExtension')}
      pending={pending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {request?.note && (
        <Alert severity="info">{translate('hotline.forms.requested', { note: request.note })}</Alert>
      )}
      <RadioGroup
        row
        value={approve ? 'approve' : 'reject'}
        onChange={(event) => setApprove(event.target.value === 'approve')}
      >
        <FormControlLabel value="approve" control={<Radio />} label={translate('hotline.forms.approve')} />
        <FormControlLabel value="reject" control={<Radio />} label={translate('hotline.forms.reject')} />
      </RadioGroup>
      <OptionalTextField
        label={translate('hotline.forms.note')}
        value={note}
        onChange={setNote}
        error={noteError}
      />
    </FormShell>
  );
}
