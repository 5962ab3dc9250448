import {
  CreateButton,
  DatagridConfigurable,
  ExportButton,
  FilterButton,
  List,
  SelectColumnsButton,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { BulkReassignButton } from './actions/BulkReassignButton';
import { QuickViews } from './QuickViews';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SlaCountdownField } from './SlaCountdown';
import { CoHandlingField, PriorityField, StatusField, SupervisionField } from './TicketChips';
import { TicketMapPanel } from './TicketMapPanel';
import { TicketPagination } from './TicketPagination';
import { ticketFilters } from './ticket-filters';

function ListActions() {
  return (
    <TopToolbar>
      <SavedViewsMenu />
      <SelectColumnsButton preferenceKey="tickets.datagrid" />
      <FilterButton />
      <CreateButton />
      <ExportButton maxResults={100} />
    </TopToolbar>
  );
}

export function TicketList() {
  const { canAccess: canReassign } = useCanAccess({ resource: 'tickets', action: 'reassign' });
  return (
    <List
      filters={ticketFilters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<TicketPagination />}
      // react-admin seeds each row's getOne cache from the list; a distinct meta keeps these summary rows
      // (no events, caller or reply) from standing in for the detail page's record.
      queryOptions={{ meta: { view: 'summary' } }}
    >
      <QuickViews />
      <TicketMapPanel />
      {/* Columns in the order of TICKET_COLUMNS: a saved view names them. */}
      <DatagridConfigurable
        preferenceKey="tickets.datagrid"
        rowClick="show"
        bulkActionButtons={canReassign ? <BulkReassignButton /> : false}
        // Short values stay on one line; titles, departments and dates may wrap, so the grid fits beside the menu.
        sx={{
          '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' },
          '& td.column-title': { minWidth: '10em' },
        }}
      >
        <TextField source="number" sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="title" sortable={false} sx={{ display: 'inline-block', minWidth: 160 }} />
        <StatusField label="resources.tickets.fields.status" />
        <PriorityField label="resources.tickets.fields.priority" />
        <TextField source="department.name" label="resources.tickets.fields.department" sortable={false} />
        <TextField source="category.name" label="resources.tickets.fields.category" sortable={false} />
        <SlaCountdownField label="resources.tickets.fields.sla" sortBy="sla.dueAt" />
        <DateTimeField source="createdAt" short />
        <DateTimeField source="updatedAt" short />
        <SupervisionField label="resources.tickets.fields.supervision" sortable={false} />
        <CoHandlingField label="resources.tickets.fields.coHandlers" sortable={false} />
      </DatagridConfigurable>
    </List>
  );
}
