import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { useHotlineDataProvider } from '../data-provider';
import type { User } from '../graphql/types';

/** ADMIN: the user can no longer sign in and its sessions end at once. */
export function DeactivateButton() {
  const record = useRecordContext<User>();
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  if (!record || record.active === false) return null;
  const deactivate = async () => {
    setOpen(false);
    try {
      await dataProvider.deactivateUser(record.id);
      notify('hotline.users.deactivated', { type: 'success' });
      redirect('list', 'users');
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <>
      <Button label="hotline.users.deactivate" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="hotline.users.deactivate_title"
        content="hotline.users.deactivate_body"
        translateOptions={{ name: record.name }}
        onConfirm={deactivate}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
