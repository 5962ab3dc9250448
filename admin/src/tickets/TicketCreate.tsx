import { Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  maxLength,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetList,
} from 'react-admin';
import { enumChoices } from '../common/enum-choices';
import { CHANNELS, DEMAND_TYPES, PRIORITIES } from '../graphql/enums';
import { ArticleSuggestions } from '../knowledge/ArticleSuggestions';

function CodeChoiceInput({ source, reference }: { source: string; reference: 'categories' | 'areas' }) {
  const { data = [] } = useGetList(reference, {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  return <AutocompleteInput source={source} choices={data} optionValue="code" optionText="name" />;
}

/** Intake (受理): the routing rules dispatch at once when one matches and autoDispatch is on. */
export function TicketCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ demandType: 'CONSULTATION', channel: 'PHONE', autoDispatch: true }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ width: '100%' }}>
          <Stack sx={{ flexGrow: 1, minWidth: 0, alignItems: 'flex-start' }}>
            <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
            <TextInput
              source="description"
              validate={[required(), maxLength(10_000)]}
              multiline
              minRows={4}
              fullWidth
            />
            <SelectInput
              source="demandType"
              choices={enumChoices('DemandType', DEMAND_TYPES)}
              validate={required()}
            />
            <SelectInput source="channel" choices={enumChoices('Channel', CHANNELS)} />
            <SelectInput
              source="priority"
              choices={enumChoices('TicketPriority', PRIORITIES)}
              emptyText="hotline.tickets.priority_by_rules"
            />
            <CodeChoiceInput source="categoryCode" reference="categories" />
            <CodeChoiceInput source="areaCode" reference="areas" />
            <TextInput source="address" validate={maxLength(2000)} fullWidth />
            <TextInput source="callerName" validate={maxLength(100)} />
            <TextInput source="callerPhone" validate={maxLength(32)} />
            <BooleanInput source="autoDispatch" />
          </Stack>
          <ArticleSuggestions />
        </Stack>
      </SimpleForm>
    </Create>
  );
}
