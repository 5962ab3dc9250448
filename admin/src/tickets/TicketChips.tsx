import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TicketPriority, TicketStatus } from '../graphql/enums';
import type { Ticket } from '../graphql/types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

const STATUS_COLOR: Record<TicketStatus, ChipColor> = {
  NEW: 'info',
  DISPATCHED: 'primary',
  IN_PROGRESS: 'secondary',
  ON_HOLD: 'default',
  RETURNED: 'warning',
  LINKED: 'default',
  RESOLVED: 'success',
  CLOSED: 'default',
};

const PRIORITY_COLOR: Record<TicketPriority, ChipColor> = {
  EMERGENCY: 'error',
  ORDINARY: 'default',
  COMPLEX: 'warning',
};

export function StatusChip({ status }: { status: TicketStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOR[status]} label={translate(`enums.TicketStatus.${status}`)} />;
}

export function PriorityChip({ priority }: { priority: TicketPriority }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={PRIORITY_COLOR[priority]}
      label={translate(`enums.TicketPriority.${priority}`)}
    />
  );
}

export function StatusField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<Ticket>();
  return record ? <StatusChip status={record.status} /> : null;
}

export function PriorityField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<Ticket>();
  return record ? <PriorityChip priority={record.priority} /> : null;
}

/** 督办/催办 marker: the level, red while the reply is overdue, outlined once answered. */
export function SupervisionChip({ supervision }: { supervision: NonNullable<Ticket['supervision']> }) {
  const translate = useTranslate();
  const open = supervision.status === 'OPEN';
  const label = supervision.overdue
    ? `${translate(`enums.SupervisionLevel.${supervision.level}`)} · ${translate('hotline.supervision.overdue')}`
    : translate(`enums.SupervisionLevel.${supervision.level}`);
  return (
    <Chip
      size="small"
      variant={open ? 'filled' : 'outlined'}
      color={supervision.overdue ? 'error' : open ? 'warning' : 'default'}
      label={label}
      data-testid="supervision-chip"
    />
  );
}

export function SupervisionField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<Ticket>();
  return record?.supervision ? <SupervisionChip supervision={record.supervision} /> : null;
}

/** 协办 marker: how many co-handlers replied of how many were asked, red while one is overdue. */
export function CoHandlingChip({ coHandlers }: { coHandlers: Ticket['coHandlers'] }) {
  const translate = useTranslate();
  const asked = coHandlers.filter((part) => part.status !== 'CANCELLED');
  if (asked.length === 0) return null;
  const open = asked.filter((part) => part.status === 'PENDING' || part.status === 'ACCEPTED');
  const overdue = open.some((part) => part.overdue);
  return (
    <Chip
      size="small"
      variant={open.length ? 'filled' : 'outlined'}
      color={overdue ? 'error' : open.length ? 'info' : 'default'}
      label={`${translate('hotline.co_handling.marker')} ${asked.length - open.length}/${asked.length}`}
      data-testid="co-handling-chip"
    />
  );
}

export function CoHandlingField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<Ticket>();
  return record?.coHandlers?.length ? <CoHandlingChip coHandlers={record.coHandlers} /> : null;
}

/** 多诉一案 marker: a caller's ticket shows its incident's number; an incident, how many called about it. */
export function IncidentField(_props: { label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  const record = useRecordContext<Ticket>();
  if (record?.incident) {
    return (
      <Chip
        size="small"
        variant="outlined"
        label={translate('hotline.incident.child_marker', { number: record.incident.number })}
        data-testid="incident-child-chip"
      />
    );
  }
  const count = record?.incidentChildren?.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <Chip
      size="small"
      color="info"
      label={translate('hotline.incident.parent_marker', { count })}
      data-testid="incident-parent-chip"
    />
  );
}
