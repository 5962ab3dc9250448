import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useHotlineDataProvider } from '../data-provider';
import type { ApiClient } from '../graphql/types';

function useRevoke() {
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (id: string) => {
    try {
      await dataProvider.revokeApiClient(id);
      notify('hotline.api_clients.revoked', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
}

export function RevokeButton() {
  const record = useRecordContext<ApiClient>();
  const revoke = useRevoke();
  const [open, setOpen] = useState(false);
  if (!record?.active) return null;
  return (
    <>
      <Button
        label="hotline.api_clients.revoke"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="hotline.api_clients.revoke_title"
        content="hotline.api_clients.revoke_body"
        translateOptions={{ name: record.name }}
        onConfirm={async () => {
          setOpen(false);
          await revoke(record.id);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
