import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/enum-choices';
import { PRIORITIES } from '../graphql/enums';
import { ConditionsInput } from './ConditionsInput';

export function RoutingRuleForm() {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={{ enabled: true, conditions: {} }}>
      <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
      <BooleanInput source="enabled" />
      <ReferenceInput source="departmentId" reference="departments" perPage={1000}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput
        source="priority"
        choices={enumChoices('TicketPriority', PRIORITIES)}
        emptyText="hotline.routing.keep_priority"
      />
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('hotline.routing.conditions')}
      </Typography>
      <ConditionsInput source="conditions" />
    </SimpleForm>
  );
}
