import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, TopToolbar, useTranslate } from 'react-admin';
import { RecordHistoryButton } from '../audit/HistoryButton';
import { RoleDepartmentInputs } from '../common/RoleDepartmentInputs';
import { ROLES } from '../graphql/enums';
import { DeactivateButton } from './DeactivateButton';
import { ResetPasswordButton } from './ResetPasswordButton';

function UserEditToolbar() {
  return (
    <Toolbar sx={{ gap: 1 }}>
      <SaveButton />
      <ResetPasswordButton />
      <DeactivateButton />
    </Toolbar>
  );
}

/** ADMIN: role and department, password reset, deactivation; each ends the user's sessions. */
export function UserEdit() {
  const translate = useTranslate();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <RecordHistoryButton kind="USER" />
        </TopToolbar>
      }
    >
      <SimpleForm toolbar={<UserEditToolbar />}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('hotline.users.sessions_end')}
        </Alert>
        <TextInput source="name" disabled />
        <TextInput source="email" disabled />
        <RoleDepartmentInputs roles={ROLES.filter((role) => role !== 'INTEGRATION')} />
      </SimpleForm>
    </Edit>
  );
}
