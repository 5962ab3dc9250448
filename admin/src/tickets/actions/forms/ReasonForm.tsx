import { TextField } from '@mui/material';
import { useState } from 'react';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { useFieldErrorText } from './use-field-error';

interface ReasonFormProps {
  label: string;
  submitLabel: string;
  requiredKey: string;
  max?: number;
  pending?: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

/** One mandatory text: a return or hold reason, a resolution reply. */
export function ReasonForm({
  label,
  submitLabel,
  requiredKey,
  max,
  pending,
  onSubmit,
  onCancel,
}: ReasonFormProps) {
  const errorText = useFieldErrorText();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const error = requiredText(text, max ?? MAX_LENGTH.reason, requiredKey);
  const submit = () => {
    setSubmitted(true);
    if (!error) onSubmit(text.trim());
  };
  return (
    <FormShell submitLabel={submitLabel} pending={pending} onSubmit={submit} onCancel={onCancel}>
      <TextField
        label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        required
        multiline
        minRows={3}
        error={submitted && !!error}
        helperText={errorText(error, submitted)}
      />
    </FormShell>
  );
}
