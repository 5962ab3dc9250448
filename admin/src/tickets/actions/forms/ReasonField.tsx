import { TextField } from '@mui/material';
import type { FieldError } from '../validation';
import { useFieldErrorText } from './use-field-error';

/** A mandatory reason or reply; its error shows once the user has tried to submit. */
export function ReasonField({
  label,
  value,
  onChange,
  error,
  submitted,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: FieldError;
  submitted: boolean;
}) {
  const errorText = useFieldErrorText();
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      multiline
      minRows={3}
      error={submitted && !!error}
      helperText={errorText(error, submitted)}
    />
  );
}
