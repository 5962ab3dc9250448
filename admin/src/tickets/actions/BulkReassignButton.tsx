import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useHotlineDataProvider } from '../../data-provider';
import { type BulkOutcome, reassignMany } from './bulk-reassign';
import { ReassignForm, type ReassignValues } from './forms/ReassignForm';
import { useDepartments } from './use-departments';

/** Reassigns all selected tickets to one department with one reason. */
export function BulkReassignButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useHotlineDataProvider();
  const departments = useDepartments();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const close = () => {
    setOpen(false);
    setOutcome(null);
  };
  const submit = async ({ departmentId, reason }: ReassignValues) => {
    setPending(true);
    try {
      const result = await reassignMany(dataProvider, selectedIds, departmentId, reason);
      refresh();
      onUnselectItems();
      if (result.conflicted.length === 0 && result.failed.length === 0) {
        notify('hotline.bulk.done', {
          type: 'success',
          messageArgs: { smart_count: result.succeeded.length },
        });
        close();
      } else {
        setOutcome(result);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="hotline.bulk.reassign" onClick={() => setOpen(true)}>
        <SwapHorizIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('hotline.bulk.title', { smart_count: selectedIds.length })}</DialogTitle>
        {outcome ? (
          <>
            <DialogContent>
              <Alert severity="success" sx={{ mb: 1 }}>
                {translate('hotline.bulk.done', { smart_count: outcome.succeeded.length })}
              </Alert>
              {outcome.conflicted.length > 0 && (
                <Alert severity="error" role="alert" sx={{ mb: 1 }}>
                  {translate('hotline.bulk.conflicted', { numbers: outcome.conflicted.join(', ') })}
                </Alert>
              )}
              {outcome.failed.length > 0 && (
                <Alert severity="error" role="alert">
                  {translate('hotline.bulk.failed', {
                    numbers: outcome.failed
                      .map(({ number, code }) => `${number} (${code ?? '?'})`)
                      .join(', '),
                  })}
                </Alert>
              )}
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
            </DialogActions>
          </>
        ) : (
          <ReassignForm departments={departments} pending={pending} onSubmit={submit} onCancel={close} />
        )}
      </Dialog>
    </>
  );
}
