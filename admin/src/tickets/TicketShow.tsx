import { Grid, LinearProgress, Stack } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { Ticket } from '../graphql/types';
import { AttachmentsPanel } from './AttachmentsPanel';
import { TicketActionBar } from './actions/TicketActionBar';
import { TicketCallerHistory } from './CallerHistoryPanel';
import { CoHandlingPanel } from './CoHandlingPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { EventTimeline } from './EventTimeline';
import { IncidentPanel } from './IncidentPanel';
import { NoteBox } from './NoteBox';
import { SlaPanel } from './SlaPanel';
import { SupervisionPanel } from './SupervisionPanel';
import { TicketDetails } from './TicketDetails';
import { TicketLocationPanel } from './TicketLocationPanel';

function TicketTitle() {
  const translate = useTranslate();
  const record = useRecordContext<Ticket>();
  return <span>{record ? translate('hotline.tickets.title', { number: record.number }) : ''}</span>;
}

function TicketShowLayout() {
  const ticket = useRecordContext<Ticket>();
  // Only a detailed record (with its events) can fill this page; anything else is a cached list row.
  if (!ticket?.events) return <LinearProgress sx={{ m: 2 }} />;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <TicketActionBar ticket={ticket} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Stack spacing={2}>
            <TicketDetails ticket={ticket} />
            <AttachmentsPanel ticket={ticket} />
            <NoteBox ticket={ticket} />
            <EventTimeline events={ticket.events?.nodes ?? []} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Stack spacing={2}>
            <IncidentPanel ticket={ticket} />
            <CoHandlingPanel ticket={ticket} />
            <SupervisionPanel ticket={ticket} />
            <SlaPanel ticket={ticket} />
            <TicketLocationPanel ticket={ticket} />
            <DuplicatesPanel ticket={ticket} />
            <TicketCallerHistory ticket={ticket} />
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}

export function TicketShow() {
  return (
    <Show title={<TicketTitle />} actions={false} component="div">
      <TicketShowLayout />
    </Show>
  );
}
