import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { Ticket } from '../graphql/types';
import { formatSpan, type SlaTone, slaState } from './sla-state';
import { useNow } from './use-now';

const TONE_COLOR: Record<SlaTone, 'success' | 'warning' | 'error' | 'default'> = {
  ok: 'success',
  warning: 'warning',
  overdue: 'error',
  paused: 'default',
  idle: 'default',
  done: 'default',
};

export function SlaCountdown({ ticket }: { ticket: Pick<Ticket, 'status' | 'sla'> }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const now = useNow();
  const { tone, remainingMs } = slaState(ticket, now);
  const level = ticket.sla.escalationLevel;
  let label: string;
  if (tone === 'idle') label = translate('hotline.sla.not_started');
  else if (tone === 'done')
    label = translate(ticket.sla.breached ? 'hotline.sla.done_late' : 'hotline.sla.done');
  else if (tone === 'paused') label = translate('hotline.sla.paused');
  else if (remainingMs !== null && remainingMs <= 0)
    label = translate('hotline.sla.overdue_by', { span: formatSpan(remainingMs, translate) });
  else label = translate('hotline.sla.left', { span: formatSpan(remainingMs ?? 0, translate) });
  const due = ticket.sla.dueAt ? translate('hotline.sla.due_at', { at: dateTime(ticket.sla.dueAt) }) : '';
  return (
    <Tooltip title={due}>
      <span>
        <Chip
          size="small"
          color={TONE_COLOR[tone]}
          variant={tone === 'paused' || tone === 'idle' || tone === 'done' ? 'outlined' : 'filled'}
          label={level > 0 ? `${label} · ${translate('hotline.sla.level', { level })}` : label}
          data-tone={tone}
        />
      </span>
    </Tooltip>
  );
}

export function SlaCountdownField(_props: { label?: string; sortBy?: string }) {
  const record = useRecordContext<Ticket>();
  return record ? <SlaCountdown ticket={record} /> : null;
}
