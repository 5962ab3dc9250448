import { TextField } from '@mui/material';
import type { FieldError } from '../validation';
import { useFieldErrorText } from './use-field-error';

/** A free-text note or comment a form may leave empty; a length error shows as the user types. */
export function OptionalTextField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: FieldError;
}) {
  const errorText = useFieldErrorText();
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      multiline
      minRows={2}
      error={!!error}
      helperText={errorText(error, true)}
    />
  );
}
