import { Chip, Stack } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  TextField,
  TopToolbar,
} from 'react-admin';
import { HistoryButton } from '../audit/HistoryButton';
import type { Webhook } from '../graphql/types';

export function WebhookList() {
  return (
    <List
      actions={
        <TopToolbar>
          <HistoryButton kind="WEBHOOK" />
          <CreateButton />
        </TopToolbar>
      }
      pagination={false}
      perPage={200}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="url" />
        <FunctionField<Webhook>
          source="events"
          sortable={false}
          render={(record) => (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {record.events.map((event) => (
                <Chip key={event} size="small" label={event} />
              ))}
            </Stack>
          )}
        />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}
