import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  BooleanField,
  DeleteButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { RecordHistoryButton } from '../audit/HistoryButton';
import { useDateFormat } from '../common/timezone';
import type { Webhook, WebhookDelivery } from '../graphql/types';

function DeliveryState({ delivery }: { delivery: WebhookDelivery }) {
  const translate = useTranslate();
  if (delivery.deliveredAt)
    return <Chip size="small" color="success" label={translate('hotline.webhooks.delivered')} />;
  if (delivery.nextAttemptAt)
    return <Chip size="small" color="warning" label={translate('hotline.webhooks.retrying')} />;
  return <Chip size="small" color="error" label={translate('hotline.webhooks.gave_up')} />;
}

function Deliveries() {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const record = useRecordContext<Webhook>();
  const deliveries = record?.deliveries?.nodes ?? [];
  if (deliveries.length === 0)
    return <Typography color="text.secondary">{translate('hotline.webhooks.no_deliveries')}</Typography>;
  const headers = ['id', 'eventType', 'state', 'attempts', 'lastStatus', 'lastAttemptAt', 'nextAttemptAt'];
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {headers.map((header) => (
            <TableCell key={header}>{translate(`hotline.webhooks.columns.${header}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {deliveries.map((delivery) => (
          <TableRow key={delivery.id}>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{delivery.id}</TableCell>
            <TableCell>{delivery.eventType}</TableCell>
            <TableCell>
              <DeliveryState delivery={delivery} />
            </TableCell>
            <TableCell>{delivery.attempts}</TableCell>
            <TableCell>{delivery.lastStatus ?? '—'}</TableCell>
            <TableCell>{dateTime(delivery.lastAttemptAt) || '—'}</TableCell>
            <TableCell>{dateTime(delivery.nextAttemptAt) || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Events() {
  const record = useRecordContext<Webhook>();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record?.events.map((event) => (
        <Chip key={event} size="small" label={event} />
      ))}
    </Stack>
  );
}

export function WebhookShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RecordHistoryButton kind="WEBHOOK" />
          <DeleteButton mutationMode="pessimistic" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="url" />
        <Labeled source="events">
          <Events />
        </Labeled>
        <BooleanField source="active" />
        <Labeled label="hotline.webhooks.deliveries">
          <Deliveries />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
