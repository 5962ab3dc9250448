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
  useNotify,
  useRedirect,
} from 'react-admin';
import { enumChoices } from '../common/enum-choices';
import { CALLER_LANGUAGES, CHANNELS, DEMAND_TYPES, PRIORITIES } from '../graphql/enums';
import { ArticleSuggestions } from '../knowledge/ArticleSuggestions';
import { IntakeCallerHistory } from './CallerHistoryPanel';
import { LocationPicker } from './LocationPicker';

function CodeChoiceInput({ source, reference }: { source: string; reference: 'categories' | 'areas' }) {
  const { data = [] } = useGetList(reference, {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  return <AutocompleteInput source={source} choices={data} optionValue="code" optionText="name" />;
}

/** Intake (受理): the routing rules dispatch at once when one matches and autoDispatch is on. */
export function TicketCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  // The caller's lookup code exists in clear only in this answer: it stays on screen until dismissed.
  const onSuccess = (ticket: { id: string; number: string; lookupCode?: string | null }) => {
    if (ticket.lookupCode) {
      notify('hotline.tickets.registered_with_code', {
        type: 'success',
        messageArgs: { number: ticket.number, code: ticket.lookupCode },
        autoHideDuration: null,
        multiLine: true,
      });
    }
    redirect('show', 'tickets', ticket.id);
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm
        defaultValues={{
          demandType: 'CONSULTATION',
          channel: 'PHONE',
          autoDispatch: true,
          callerLanguage: 'ZH_CN',
        }}
      >
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
            <LocationPicker />
            <TextInput source="callerName" validate={maxLength(100)} />
            <TextInput source="callerPhone" validate={maxLength(32)} />
            <TextInput source="callerEmail" type="email" validate={maxLength(200)} />
            <SelectInput source="callerLanguage" choices={enumChoices('CallerLanguage', CALLER_LANGUAGES)} />
            <BooleanInput source="autoDispatch" />
          </Stack>
          <Stack spacing={2} sx={{ minWidth: { md: 320 } }}>
            <IntakeCallerHistory />
            <ArticleSuggestions />
          </Stack>
        </Stack>
      </SimpleForm>
    </Create>
  );
}
