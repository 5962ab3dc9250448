import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Edit,
  maxLength,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { enumChoices } from '../common/enum-choices';
import { DEPARTMENT_KINDS } from '../graphql/enums';

function DepartmentForm() {
  return (
    <SimpleForm
      defaultValues={{ active: true, kind: 'BUREAU' }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="code" validate={[required(), maxLength(100)]} />
      <TextInput source="name" validate={[required(), maxLength(100)]} />
      <SelectInput
        source="kind"
        choices={enumChoices('DepartmentKind', DEPARTMENT_KINDS)}
        validate={required()}
      />
      <ReferenceInput source="parentId" reference="departments" perPage={1000}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <BooleanInput source="active" />
    </SimpleForm>
  );
}

export function DepartmentEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <DepartmentForm />
    </Edit>
  );
}

export function DepartmentCreate() {
  return (
    <Create redirect="list">
      <DepartmentForm />
    </Create>
  );
}
