import BookmarksIcon from '@mui/icons-material/Bookmarks';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  ListItemText,
  Menu,
  MenuItem,
  Button as MuiButton,
  TextField,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useListContext, useNotify, useStore, useTranslate } from 'react-admin';
import { useViewer } from '../auth/use-viewer';
import type { SavedViewRow } from '../data/saved-views';
import { TICKET_SORT_FIELDS, toTicketFilter, toTicketOrder } from '../data/tickets';
import { useHotlineDataProvider } from '../data-provider';
import { VIEW_VISIBILITIES, type ViewVisibility } from '../graphql/enums';

/** The ticket grid's columns in the order TicketList renders them: a view stores their names. */
export const TICKET_COLUMNS = [
  'number',
  'title',
  'status',
  'priority',
  'department',
  'category',
  'sla',
  'createdAt',
  'updatedAt',
  'supervision',
  'coHandling',
] as const;

/** Where DatagridConfigurable keeps the shown columns (as indexes into its children). */
export const TICKET_COLUMNS_KEY = 'preferences.tickets.datagrid.columns';

type Dialogue =
  | { kind: 'save' }
  | { kind: 'rename'; view: SavedViewRow }
  | { kind: 'share'; view: SavedViewRow };

function sortOf(view: SavedViewRow): { field: string; order: 'ASC' | 'DESC' } {
  const order = view.sort as { field?: string; direction?: string } | null;
  const field = Object.entries(TICKET_SORT_FIELDS).find(([, value]) => value === order?.field)?.[0];
  return { field: field ?? 'createdAt', order: order?.direction === 'ASC' ? 'ASC' : 'DESC' };
}

/** The ticket list's saved views: apply one, save the current filters, sort and columns, rename, share, delete. */
export function SavedViewsMenu() {
  const translate = useTranslate();
  const notify = useNotify();
  const viewer = useViewer();
  const dataProvider = useHotlineDataProvider();
  const queryClient = useQueryClient();
  const { filterValues, setFilters, sort, setSort } = useListContext();
  const [columns, setColumns] = useStore<string[] | undefined>(TICKET_COLUMNS_KEY);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState<ViewVisibility>('PRIVATE');
  const views = useQuery({
    queryKey: ['saved-views', 'TICKETS'],
    queryFn: () => dataProvider.listSavedViews(),
  });
  const active = views.data?.find((view) => view.id === activeId) ?? null;
  const allowed = VIEW_VISIBILITIES.filter(
    (value) =>
      value === 'PRIVATE' ||
      (value === 'DEPARTMENT' && viewer?.department) ||
      (value === 'CENTRE' && (viewer?.role === 'MANAGER' || viewer?.role === 'ADMIN')),
  );

  const current = () => ({
    filters: toTicketFilter(filterValues),
    sort: toTicketOrder(sort),
    columns: (columns ?? TICKET_COLUMNS.map((_, index) => String(index)))
      .map((index) => TICKET_COLUMNS[Number(index)])
      .filter((column): column is (typeof TICKET_COLUMNS)[number] => column !== undefined),
  });
  const apply = (view: SavedViewRow) => {
    setFilters(view.filters, {});
    setSort(sortOf(view));
    const indexes = view.columns
      .map((column) => TICKET_COLUMNS.indexOf(column as (typeof TICKET_COLUMNS)[number]))
      .filter((index) => index >= 0)
      .map(String);
    setColumns(indexes.length > 0 ? indexes : TICKET_COLUMNS.map((_, index) => String(index)));
    setActiveId(view.id);
    setAnchor(null);
  };
  const run = async (work: () => Promise<unknown>, message: string, args?: Record<string, unknown>) => {
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['saved-views'] });
      notify(message, { type: 'info', messageArgs: args });
      setDialogue(null);
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
    }
  };
  const open = (next: Dialogue) => {
    setAnchor(null);
    setName(next.kind === 'save' ? '' : next.view.name);
    setVisibility(next.kind === 'share' ? (next.view.visibility as ViewVisibility) : 'PRIVATE');
    setDialogue(next);
  };
  const confirm = () => {
    if (!dialogue) return;
    if (dialogue.kind === 'save') {
      return run(
        async () => {
          const saved = await dataProvider.saveView({ list: 'TICKETS', name, visibility, ...current() });
          setActiveId(saved.id);
        },
        'hotline.views.saved',
        { name },
      );
    }
    if (dialogue.kind === 'rename') {
      return run(() => dataProvider.renameView(dialogue.view.id, name), 'hotline.views.saved', { name });
    }
    return run(() => dataProvider.updateView(dialogue.view.id, { visibility }), 'hotline.views.saved', {
      name: dialogue.view.name,
    });
  };
  const remove = (view: SavedViewRow) => {
    setAnchor(null);
    if (!window.confirm(translate('hotline.views.confirm_delete', { name: view.name }))) return;
    setActiveId(null);
    return run(() => dataProvider.deleteView(view.id), 'hotline.views.deleted');
  };

  return (
    <>
      <Button
        label={active ? `${translate('hotline.views.menu')}: ${active.name}` : 'hotline.views.menu'}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
      >
        <BookmarksIcon />
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {(views.data ?? []).length === 0 && <MenuItem disabled>{translate('hotline.views.none')}</MenuItem>}
        {(views.data ?? []).map((view) => (
          <MenuItem key={view.id} selected={view.id === activeId} onClick={() => apply(view)}>
            <ListItemText
              primary={view.name}
              secondary={[
                translate(`enums.ViewVisibility.${view.visibility}`),
                view.mine ? null : translate('hotline.views.shared_by', { name: view.owner?.name ?? '' }),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => open({ kind: 'save' })}>{translate('hotline.views.save_as')}</MenuItem>
        {active?.mine && [
          <MenuItem
            key="update"
            onClick={() => {
              setAnchor(null);
              void run(() => dataProvider.updateView(active.id, current()), 'hotline.views.saved', {
                name: active.name,
              });
            }}
          >
            {translate('hotline.views.update', { name: active.name })}
          </MenuItem>,
          <MenuItem key="rename" onClick={() => open({ kind: 'rename', view: active })}>
            {translate('hotline.views.rename')}
          </MenuItem>,
          <MenuItem key="share" onClick={() => open({ kind: 'share', view: active })}>
            {translate('hotline.views.share')}
          </MenuItem>,
          <MenuItem key="delete" onClick={() => remove(active)} sx={{ color: 'error.main' }}>
            {translate('hotline.views.delete')}
          </MenuItem>,
        ]}
      </Menu>
      <Dialog open={dialogue !== null} onClose={() => setDialogue(null)} maxWidth="xs" fullWidth>
        <DialogTitle>
          {dialogue?.kind === 'save'
            ? translate('hotline.views.save_as')
            : dialogue?.kind === 'rename'
              ? translate('hotline.views.rename')
              : translate('hotline.views.share')}
        </DialogTitle>
        <DialogContent>
          {dialogue?.kind !== 'share' && (
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              label={translate('hotline.views.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
          )}
          {dialogue?.kind !== 'rename' && (
            <TextField
              select
              fullWidth
              margin="dense"
              label={translate('hotline.views.share')}
              value={visibility}
              onChange={(event) => setVisibility(event.target.value as ViewVisibility)}
            >
              {allowed.map((value) => (
                <MenuItem key={value} value={value}>
                  {translate(`enums.ViewVisibility.${value}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDialogue(null)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            onClick={confirm}
            disabled={dialogue?.kind !== 'share' && name.trim() === ''}
          >
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
