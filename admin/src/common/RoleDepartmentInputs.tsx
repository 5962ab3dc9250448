import { AutocompleteInput, ReferenceInput, required, SelectInput } from 'react-admin';
import type { Role } from '../graphql/enums';
import { enumChoices } from './enum-choices';

export function RoleDepartmentInputs({ roles }: { roles: readonly Role[] }) {
  return (
    <>
      <SelectInput source="role" choices={enumChoices('Role', roles)} validate={required()} />
      <ReferenceInput source="departmentId" reference="departments" perPage={1000}>
        <AutocompleteInput optionText="name" helperText="hotline.users.department_help" />
      </ReferenceInput>
    </>
  );
}
