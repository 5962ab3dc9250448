import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useHotlineDataProvider } from '../data-provider';
import type { User } from '../graphql/types';

/** ADMIN: sets a new password for the user (told to them out of band); its sessions end. */
export function ResetPasswordButton() {
  const record = useRecordContext<User>();
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const reset = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.resetPassword(record.id, String(values.password));
      setOpen(false);
      notify('hotline.users.reset_done', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <>
      <Button label="hotline.users.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form onSubmit={reset}>
          <DialogTitle>{translate('hotline.users.reset_title', { name: record.name })}</DialogTitle>
          <DialogContent>
            <PasswordInput
              source="password"
              label="hotline.users.new_password"
              validate={[required(), minLength(8)]}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="hotline.users.reset_password" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
