import { TextField } from '@mui/material';
import type { FieldError } from '../validation';
import { useFieldErrorText } from './use-field-error';

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: FieldError;
}

function MultilineField({
  label,
  value,
  onChange,
  error,
  required,
  showError,
}: TextProps & { required: boolean; showError: boolean }) {
  const errorText = useFieldErrorText();
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required={required}
      multiline
      minRows={required ? 3 : 2}
      error={showError && !!error}
      helperText={errorText(error, showError)}
    />
  );
}

/** A free-text note or comment a form may leave empty; a length error shows as the user types. */
export function OptionalTextField(props: TextProps) {
  return <MultilineField {...props} required={false} showError />;
}

/** A mandatory reason or reply; its error shows once the user has tried to submit. */
export function ReasonField({ submitted, ...props }: TextProps & { submitted: boolean }) {
  return <MultilineField {...props} required showError={submitted} />;
}
