import {
  ArrayInput,
  AutocompleteInput,
  Edit,
  maxLength,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  TopToolbar,
} from 'react-admin';
import { RecordHistoryButton } from '../audit/HistoryButton';
import { enumChoices } from '../common/enum-choices';
import { PRIORITIES, SLA_CLOCKS } from '../graphql/enums';
import { DurationFormInput } from './DurationFormInput';
import { RemindAtInput } from './RemindAtInput';

export function SlaPolicyEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <RecordHistoryButton kind="SLA_POLICY" />
        </TopToolbar>
      }
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <SelectInput source="priority" choices={enumChoices('TicketPriority', PRIORITIES)} disabled />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
        <SelectInput source="clock" choices={enumChoices('SlaClock', SLA_CLOCKS)} validate={required()} />
        <DurationFormInput source="acceptWithin" label="resources.sla-policies.fields.acceptWithin" />
        <DurationFormInput source="resolveWithin" label="resources.sla-policies.fields.resolveWithin" />
        <RemindAtInput source="remindAt" />
        <ArrayInput source="escalation">
          <SimpleFormIterator inline disableReordering>
            <NumberInput
              source="level"
              label="resources.sla-policies.fields.level"
              min={1}
              validate={required()}
              sx={{ width: 100 }}
            />
            <DurationFormInput source="after" label="resources.sla-policies.fields.after" />
            <ReferenceInput source="notifyDepartmentId" reference="departments" perPage={1000}>
              <AutocompleteInput optionText="name" label="resources.sla-policies.fields.notifyDepartment" />
            </ReferenceInput>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Edit>
  );
}
