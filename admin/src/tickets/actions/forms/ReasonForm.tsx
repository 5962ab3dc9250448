import { useState } from 'react';
import { FormShell } from '../FormShell';
import { MAX_LENGTH, requiredText } from '../validation';
import { ReasonField } from './text-fields';

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
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const error = requiredText(text, max ?? MAX_LENGTH.reason, requiredKey);
  const submit = () => {
    setSubmitted(true);
    if (!error) onSubmit(text.trim());
  };
  return (
    <FormShell submitLabel={submitLabel} pending={pending} onSubmit={submit} onCancel={onCancel}>
      <ReasonField label={label} value={text} onChange={setText} error={error} submitted={submitted} />
    </FormShell>
  );
}
