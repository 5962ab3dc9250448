import {
  Create,
  email,
  maxLength,
  minLength,
  PasswordInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { RoleDepartmentInputs } from '../common/RoleDepartmentInputs';
import { ROLES } from '../graphql/enums';

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ role: 'AGENT' }}>
        <TextInput source="email" type="email" validate={[required(), email(), maxLength(100)]} />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
        <RoleDepartmentInputs roles={ROLES.filter((role) => role !== 'INTEGRATION')} />
      </SimpleForm>
    </Create>
  );
}
