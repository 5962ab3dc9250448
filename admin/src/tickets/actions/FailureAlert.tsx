import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ActionFailure } from './use-ticket-action';

export function FailureAlert({ failure, onReload }: { failure: ActionFailure | null; onReload: () => void }) {
  const translate = useTranslate();
  if (!failure) return null;
  if (failure.kind === 'conflict') {
    return (
      <Alert
        severity="error"
        role="alert"
        sx={{ mx: 3, mt: 2 }}
        action={
          <Button color="inherit" size="small" onClick={onReload}>
            {translate('hotline.conflict.reload')}
          </Button>
        }
      >
        <AlertTitle>{translate('hotline.conflict.title')}</AlertTitle>
        {translate('hotline.conflict.body')}
      </Alert>
    );
  }
  const known = failure.code ? `hotline.errors.${failure.code}` : undefined;
  const text = known ? translate(known, { _: failure.message }) : failure.message;
  return (
    <Alert severity="error" role="alert" sx={{ mx: 3, mt: 2 }}>
      {text}
    </Alert>
  );
}
