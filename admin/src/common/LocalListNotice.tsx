import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Says plainly that a list shows only what this browser created: the contract has no such query. */
export function LocalListNotice({ messageKey }: { messageKey: string }) {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ m: 1 }}>
      {translate(messageKey)}
    </Alert>
  );
}
