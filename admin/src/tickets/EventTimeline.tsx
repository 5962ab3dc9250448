import FileIcon from '@mui/icons-material/InsertDriveFile';
import { Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import type { TicketEventType } from '../graphql/enums';
import type { TicketEvent } from '../graphql/types';

const ALERT_EVENTS: TicketEventType[] = ['ESCALATED', 'REMINDER_SENT', 'RETURNED', 'REOPENED'];

type Translate = ReturnType<typeof useTranslate>;

/**
 * The server writes machine notes in English ("rule: 供水", "50% of the resolution time used", "level 2");
 * they are shown in the reader's language. People's notes (reasons, replies) are shown as written.
 */
function noteText(event: Pick<TicketEvent, 'type' | 'note' | 'actor' | 'level'>, translate: Translate) {
  const note = event.note;
  if (!note) return null;
  const rule = /^rule: (.+)$/s.exec(note);
  if (event.type === 'DISPATCHED' && rule) return translate('hotline.timeline.by_rule', { rule: rule[1] });
  if (event.actor) return note;
  const used = /^(\d+)% of the resolution time used$/.exec(note);
  if (event.type === 'REMINDER_SENT' && used)
    return translate('hotline.timeline.time_used', { percent: used[1] });
  if (event.type === 'ESCALATED' && event.level != null && note === `level ${event.level}`) return null;
  return note;
}

/** The files an action carried (photos before and after at resolve): thumbnails, or an icon and the name. */
function EventFiles({ files }: { files: TicketEvent['attachments'] }) {
  if (files.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', gap: 1 }} data-testid="event-files">
      {files.map((file) =>
        file.thumbnailUrl ? (
          <Link key={file.id} href={file.downloadUrl ?? undefined} target="_blank" rel="noopener">
            <Box
              component="img"
              src={file.thumbnailUrl}
              alt={file.fileName}
              title={file.fileName}
              sx={{ height: 64, width: 64, objectFit: 'cover', borderRadius: 1, display: 'block' }}
            />
          </Link>
        ) : (
          <Chip
            key={file.id}
            size="small"
            variant="outlined"
            icon={<FileIcon />}
            label={file.fileName}
            component="a"
            href={file.downloadUrl ?? undefined}
            target="_blank"
            rel="noopener"
            clickable={!!file.downloadUrl}
          />
        ),
      )}
    </Stack>
  );
}

function EventLine({ event }: { event: TicketEvent }) {
  const translate = useTranslate();
  const { dateTime } = useDateFormat();
  const alert = ALERT_EVENTS.includes(event.type);
  const actor = event.actor
    ? `${event.actor.name} (${translate(`enums.Role.${event.actor.role}`)})`
    : translate('hotline.timeline.system');
  const moved = event.toStatus && event.toStatus !== event.fromStatus;
  const status = [
    event.fromStatus && translate(`enums.TicketStatus.${event.fromStatus}`),
    moved && `→ ${translate(`enums.TicketStatus.${event.toStatus}`)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const change = [status, event.department?.name].filter(Boolean).join(' · ');
  const note = noteText(event, translate);
  return (
    <Box component="li" sx={{ position: 'relative', pl: 3, pb: 2, listStyle: 'none' }}>
      <Box
        sx={{
          position: 'absolute',
          left: -6,
          top: 6,
          width: 10,
          height: 10,
          borderRadius: '50%',
          bgcolor: alert ? 'error.main' : 'primary.main',
        }}
      />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={alert ? 'error' : 'default'}
          label={translate(`enums.TicketEventType.${event.type}`)}
        />
        {event.visibility && (
          <Chip
            size="small"
            variant="outlined"
            color={event.visibility === 'PUBLIC' ? 'info' : 'default'}
            label={translate(`hotline.notes.${event.visibility === 'PUBLIC' ? 'public' : 'internal'}`)}
          />
        )}
        {event.level != null && (
          <Chip
            size="small"
            variant="outlined"
            label={translate('hotline.sla.level', { level: event.level })}
          />
        )}
        <Typography variant="body2" color="text.secondary">
          {dateTime(event.at)} · {actor}
        </Typography>
      </Stack>
      {change && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {change}
        </Typography>
      )}
      {note && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
          {note}
        </Typography>
      )}
      <EventFiles files={event.attachments} />
    </Box>
  );
}

export function EventTimeline({ events }: { events: TicketEvent[] }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('hotline.timeline.title')}
        </Typography>
        <Box component="ol" sx={{ m: 0, p: 0, borderLeft: 2, borderColor: 'divider', ml: 0.5 }}>
          {events.map((event) => (
            <EventLine key={event.id} event={event} />
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
