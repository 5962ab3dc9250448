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
import { HistoryButton } from '../audit/HistoryButton';
import type { ApiClient } from '../graphql/types';
import { RevokeButton } from './RevokeButton';

export function ApiClientList() {
  const translate = useTranslate();
  return (
    <List
      actions={
        <TopToolbar>
          <HistoryButton kind="API_CLIENT" />
          <CreateButton />
        </TopToolbar>
      }
      pagination={false}
      perPage={200}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="id" />
        <TextField source="name" />
        <FunctionField<ApiClient> source="role" render={(record) => translate(`enums.Role.${record.role}`)} />
        <TextField source="department.name" label="resources.api-clients.fields.departmentId" />
        <BooleanField source="active" />
        <RevokeButton />
      </Datagrid>
    </List>
  );
}
