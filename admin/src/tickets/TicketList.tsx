import {
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  List,
  SelectColumnsButton,
  TextField,
  TopToolbar,
  useCanAccess,
  useListContext,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { toTicketFilter, toTicketOrder } from '../data/tickets';
import { ExportButton } from '../exports/ExportButton';
import { BulkReassignButton } from './actions/BulkReassignButton';
import { DrillDownNotice } from './DrillDownNotice';
import { QuickViews } from './QuickViews';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SlaCountdownField } from './SlaCountdown';
import { CoHandlingField, IncidentField, PriorityField, StatusField, SupervisionField } from './TicketChips';
import { TicketMapPanel } from './TicketMapPanel';
import { TicketPagination } from './TicketPagination';
import { ticketFilters } from './ticket-filters';

/** Every ticket the list's filters match, in its order (not only the page shown). */
function TicketExportButton() {
  const { filterValues, sort, total } = useListContext();
  return (
    <ExportButton
      what={() => ({ tickets: { filter: toTicketFilter(filterValues), orderBy: toTicketOrder(sort) } })}
      disabled={total === 0}
    />
  );
}

function ListActions() {
  return (
    <TopToolbar>
      <SavedViewsMenu />
      <SelectColumnsButton preferenceKey="tickets.datagrid" />
      <FilterButton />
      <CreateButton />
      <TicketExportButton />
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
      <DrillDownNotice />
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
        <IncidentField label="resources.tickets.fields.incident" sortable={false} />
      </DatagridConfigurable>
    </List>
  );
}
