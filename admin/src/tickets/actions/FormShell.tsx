import { Button, DialogActions, DialogContent, Stack } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface FormShellProps {
  children: ReactNode;
  submitLabel: string;
  pending?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/** A dialog form: fields, then Cancel and the action's own submit button. */
export function FormShell({ children, submitLabel, pending, onSubmit, onCancel }: FormShellProps) {
  const translate = useTranslate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={pending}>
          {submitLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
