import { Typography } from '@mui/material';
import { FormShell } from '../FormShell';

interface ConfirmFormProps {
  message: string;
  submitLabel: string;
  pending?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

export function ConfirmForm({ message, ...shell }: ConfirmFormProps) {
  return (
    <FormShell {...shell}>
      <Typography>{message}</Typography>
    </FormShell>
  );
}
