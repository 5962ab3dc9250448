import {
  BooleanField,
  CreateButton,
  Datagrid,
  EmailField,
  FunctionField,
  List,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { HistoryButton } from '../audit/HistoryButton';
import type { User } from '../graphql/types';

export function UserList() {
  const translate = useTranslate();
  return (
    <List
      actions={
        <TopToolbar>
          <HistoryButton kind="USER" />
          <CreateButton />
        </TopToolbar>
      }
      perPage={50}
      sort={{ field: 'name', order: 'ASC' }}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="name" />
        <EmailField source="email" />
        <FunctionField<User> source="role" render={(record) => translate(`enums.Role.${record.role}`)} />
        <TextField source="department.name" label="resources.users.fields.departmentId" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}
