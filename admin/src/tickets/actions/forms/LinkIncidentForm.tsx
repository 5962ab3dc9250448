import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { gql } from '../../../graphql/client';
import { graphql } from '../../../graphql/graphql';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, optionalText } from '../validation';
import { OptionalTextField } from './text-fields';

const IncidentByNumber = graphql(`
  query IncidentByNumber($number: String!) { ticketByNumber(number: $number) { id number title status } }
`);

interface LinkIncidentFormProps {
  ticketId: string;
  pending?: boolean;
  onSubmit: (parentTicketId: string, reason: string | null) => void;
  onCancel: () => void;
}

/** 多诉一案: the parent incident, found by its ticket number, and why (optional). */
export function LinkIncidentForm({ ticketId, pending, onSubmit, onCancel }: LinkIncidentFormProps) {
  const translate = useTranslate();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [numberError, setNumberError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const reasonError = optionalText(reason, MAX_LENGTH.reason);

  const submit = async () => {
    if (!number.trim()) return setNumberError(translate('hotline.incident.number_required'));
    if (reasonError) return;
    setLooking(true);
    try {
      const { ticketByNumber: parent } = await gql(IncidentByNumber, { number: number.trim() });
      if (!parent) return setNumberError(translate('hotline.incident.not_found', { number: number.trim() }));
      if (parent.id === ticketId) return setNumberError(translate('hotline.incident.self'));
      setNumberError(null);
      onSubmit(parent.id, reason.trim() || null);
    } finally {
      setLooking(false);
    }
  };
  return (
    <FormShell
      submitLabel={translate('hotline.actions.linkToIncident')}
      pending={pending || looking}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextField
        label={translate('hotline.incident.parent_number')}
        value={number}
        onChange={(event) => {
          setNumber(event.target.value);
          setNumberError(null);
        }}
        required
        autoFocus
        error={!!numberError}
        helperText={numberError ?? translate('hotline.incident.parent_help')}
        slotProps={{ htmlInput: { 'data-testid': 'incident-parent-number' } }}
      />
      <OptionalTextField
        label={translate('hotline.incident.reason')}
        value={reason}
        onChange={setReason}
        error={reasonError}
      />
    </FormShell>
  );
}
