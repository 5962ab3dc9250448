import { Button, Dialog, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { offeredActions, type TicketAction, type TicketActionVariables } from '../../data/ticket-actions';
import type { Ticket } from '../../graphql/types';
import { ACTION_FORMS } from './action-forms';
import { FailureAlert } from './FailureAlert';
import { useDepartments } from './use-departments';
import { useTicketAction } from './use-ticket-action';

const PRIMARY: TicketAction[] = [
  'dispatch',
  'accept',
  'resolve',
  'feedback',
  'decideExtension',
  'replySupervision',
  'acceptCoHandling',
  'replyCoHandling',
];

/** Every action the server allows the viewer on this ticket now (Ticket.allowedActions), each opening its form. */
export function TicketActionBar({ ticket }: { ticket: Ticket }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const departments = useDepartments();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const { run, pending, failure, clearFailure } = useTicketAction(ticket);
  const actions = offeredActions(ticket);

  const close = () => {
    setOpen(null);
    clearFailure();
  };
  const reload = () => {
    close();
    refresh();
  };
  const submit = async <K extends TicketAction>(
    action: K,
    variables: TicketActionVariables[K],
    expectedVersion?: number,
  ) => {
    if (await run(action, variables, expectedVersion)) close();
  };
  const renderForm = <K extends TicketAction>(action: K) =>
    (ACTION_FORMS[action] as (typeof ACTION_FORMS)[K])({
      ticket,
      departments,
      pending,
      translate,
      submit: (variables, expectedVersion) => void submit(action, variables, expectedVersion),
      cancel: close,
    });

  if (actions.length === 0) return null;
  return (
    <>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
        aria-label={translate('hotline.actions.title')}
      >
        {actions.map((action) => (
          <Button
            key={action}
            variant={PRIMARY.includes(action) ? 'contained' : 'outlined'}
            color={action === 'close' || action === 'return' ? 'warning' : 'primary'}
            onClick={() => setOpen(action)}
          >
            {translate(`hotline.actions.${action}`)}
          </Button>
        ))}
      </Stack>
      <Dialog open={!!open} onClose={close} maxWidth="sm" fullWidth>
        {open && (
          <>
            <DialogTitle>
              {translate(`hotline.actions.${open}`)} · {ticket.number}
            </DialogTitle>
            <FailureAlert failure={failure} onReload={reload} />
            {renderForm(open)}
          </>
        )}
      </Dialog>
    </>
  );
}
