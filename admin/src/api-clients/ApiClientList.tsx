import { Button as MuiButton, TextField as MuiTextField, Paper, Stack } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalListNotice } from '../common/LocalListNotice';
import type { ApiClient } from '../graphql/types';
import { RevokeButton, useRevoke } from './RevokeButton';

function RevokeById() {
  const translate = useTranslate();
  const revoke = useRevoke();
  const [id, setId] = useState('');
  return (
    <Paper variant="outlined" sx={{ p: 2, m: 1 }}>
      <Stack direction="row" spacing={1}>
        <MuiTextField
          size="small"
          label={translate('hotline.api_clients.revoke_by_id')}
          value={id}
          onChange={(event) => setId(event.target.value)}
        />
        <MuiButton
          color="error"
          variant="outlined"
          disabled={!id.trim()}
          onClick={() => revoke(id.trim()).then(() => setId(''))}
        >
          {translate('hotline.api_clients.revoke')}
        </MuiButton>
      </Stack>
    </Paper>
  );
}

export function ApiClientList() {
  const translate = useTranslate();
  return (
    <List
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      pagination={false}
      perPage={200}
      empty={false}
    >
      <LocalListNotice messageKey="hotline.api_clients.local_list" />
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="id" />
        <TextField source="name" />
        <FunctionField<ApiClient> source="role" render={(record) => translate(`enums.Role.${record.role}`)} />
        <TextField source="department.name" label="resources.api-clients.fields.departmentId" />
        <BooleanField source="active" />
        <RevokeButton />
      </Datagrid>
      <RevokeById />
    </List>
  );
}
