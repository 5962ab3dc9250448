import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Button,
  Card,
  Chip,
  Collapse,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useDateFormat } from '../common/timezone';
import type { SettingsChangeRow } from '../data/settings-audit';
import { useHotlineDataProvider } from '../data-provider';
import { SETTINGS_KINDS } from '../graphql/enums';
import type { EnumOf } from '../graphql/graphql';
import { ChangeDiff } from './ChangeDiff';

const PAGE = 50;

/** What a manager recognises an item by: its name, email, url or priority, else its id. */
function itemLabel(change: SettingsChangeRow): string {
  const snapshot = (change.after ?? change.before ?? {}) as Record<string, unknown>;
  for (const key of ['name', 'email', 'url', 'priority', 'timezone']) {
    if (typeof snapshot[key] === 'string') return snapshot[key] as string;
  }
  return change.entityId;
}

/** A date input's day as the instant it starts, in the browser's zone. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayAfter = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined;

function AuditRow({ change }: { change: SettingsChangeRow }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { dateTime } = useDateFormat();
  const actor =
    change.actor?.name ??
    (change.actorKind === 'client'
      ? translate('hotline.audit.api_client')
      : translate('hotline.audit.system'));
  return (
    <Fragment>
      <TableRow hover onClick={() => setOpen(!open)} sx={{ cursor: 'pointer' }} data-testid="audit-row">
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label={translate(open ? 'ra.action.close' : 'ra.action.expand')}>
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTime(change.at)}</TableCell>
        <TableCell>{translate(`enums.SettingsKind.${change.kind}`)}</TableCell>
        <TableCell>{itemLabel(change)}</TableCell>
        <TableCell>
          <Chip size="small" label={translate(`enums.SettingsAction.${change.action}`)} />
        </TableCell>
        <TableCell>{actor}</TableCell>
        <TableCell>{translate('hotline.audit.changes', { smart_count: change.changes.length })}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={7} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} unmountOnExit>
            <ChangeDiff change={change} />
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** Every change of a setting: who, when, what it was before and after. MANAGER and ADMIN. */
export default function AuditLogPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') || undefined) as EnumOf<'SettingsKind'> | undefined;
  const entityId = params.get('entityId') || undefined;
  const actorId = params.get('actorId') || undefined;
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'kind') next.delete('entityId');
    setParams(next, { replace: true });
  };
  const users = useQuery({
    queryKey: ['audit-actors'],
    queryFn: () =>
      dataProvider.getList('users', {
        pagination: { page: 1, perPage: 500 },
        sort: { field: 'name', order: 'ASC' },
        filter: {},
      }),
  });
  const filters = { kind, entityId, actorId, from: dayStart(fromDay), to: dayAfter(toDay) };
  const changes = useInfiniteQuery({
    queryKey: ['settings-audit', filters],
    queryFn: ({ pageParam }) => dataProvider.getSettingsAudit({ ...filters, first: PAGE, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) =>
      last.pageInfo.hasNextPage ? (last.pageInfo.endCursor ?? undefined) : undefined,
  });
  const rows = changes.data?.pages.flatMap((page) => page.nodes) ?? [];
  return (
    <Card sx={{ mt: 2, p: 2 }}>
      <Title title="hotline.audit.title" />
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, flexWrap: 'wrap', rowGap: 2 }}
        data-testid="audit-filters"
      >
        <TextField
          select
          size="small"
          label={translate('hotline.audit.kind')}
          value={kind ?? ''}
          onChange={(event) => setParam('kind', event.target.value)}
          fullWidth={false}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{translate('hotline.audit.any_kind')}</MenuItem>
          {SETTINGS_KINDS.map((value) => (
            <MenuItem key={value} value={value}>
              {translate(`enums.SettingsKind.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('hotline.audit.actor')}
          value={actorId ?? ''}
          onChange={(event) => setParam('actorId', event.target.value)}
          fullWidth={false}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{translate('hotline.audit.anyone')}</MenuItem>
          {(users.data?.data ?? []).map((user) => (
            <MenuItem key={String(user.id)} value={String(user.id)}>
              {String(user.name)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          size="small"
          fullWidth={false}
          label={translate('hotline.audit.from')}
          value={fromDay}
          onChange={(event) => setParam('from', event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          size="small"
          fullWidth={false}
          label={translate('hotline.audit.to')}
          value={toDay}
          onChange={(event) => setParam('to', event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {entityId && (
          <Chip
            label={translate('hotline.audit.entity_filter', { id: entityId.slice(0, 8) })}
            onDelete={() => setParam('entityId', undefined)}
          />
        )}
      </Stack>
      <Table size="small" data-testid="audit-log">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{translate('hotline.audit.at')}</TableCell>
            <TableCell>{translate('hotline.audit.kind')}</TableCell>
            <TableCell>{translate('hotline.audit.entity')}</TableCell>
            <TableCell>{translate('hotline.audit.action')}</TableCell>
            <TableCell>{translate('hotline.audit.actor')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((change) => (
            <AuditRow key={change.id} change={change} />
          ))}
        </TableBody>
      </Table>
      {changes.isSuccess && rows.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {translate('hotline.audit.empty')}
        </Typography>
      )}
      {changes.hasNextPage && (
        <Button onClick={() => changes.fetchNextPage()} disabled={changes.isFetchingNextPage} sx={{ mt: 1 }}>
          {translate('hotline.audit.more')}
        </Button>
      )}
    </Card>
  );
}
