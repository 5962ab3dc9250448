import {
  AutocompleteInput,
  BooleanInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  useGetList,
} from 'react-admin';
import { enumChoices } from '../common/enum-choices';
import { PRIORITIES, TICKET_STATUSES } from '../graphql/enums';

function CodeInput({
  source,
  reference,
}: {
  source: string;
  reference: 'categories' | 'areas';
  alwaysOn?: boolean;
}) {
  const { data = [] } = useGetList(reference, {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  return <AutocompleteInput source={source} choices={data} optionValue="code" optionText="name" />;
}

export const ticketFilters = [
  <SearchInput key="search" source="search" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('TicketStatus', TICKET_STATUSES)} />,
  <SelectArrayInput key="priority" source="priority" choices={enumChoices('TicketPriority', PRIORITIES)} />,
  <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={1000}>
    <AutocompleteInput optionText="name" label="resources.tickets.fields.departmentId" />
  </ReferenceInput>,
  <CodeInput key="categoryCode" source="categoryCode" reference="categories" />,
  <CodeInput key="areaCode" source="areaCode" reference="areas" />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="escalated" source="escalated" />,
  <BooleanInput key="supervised" source="supervised" />,
  <BooleanInput key="coHandling" source="coHandling" />,
  <BooleanInput key="isIncidentChild" source="isIncidentChild" />,
];
