import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ExportInput, ExportJob } from '../data/exports';
import { useHotlineDataProvider } from '../data-provider';
import { startDownload } from './download';

/** What to export: one source of ExportInput (tickets, stats, slaReport, ranking). */
export type ExportWhat = Omit<ExportInput, 'format' | 'language'>;

const RUNNING = ['QUEUED', 'RUNNING'];

/** Fetches a one-time link to a finished export and hands it to the browser. */
export function useDownloadExport() {
  const dataProvider = useHotlineDataProvider();
  return async (job: Pick<ExportJob, 'id' | 'fileName'>) =>
    startDownload(await dataProvider.createExportDownload(job.id), job.fileName);
}

/** A background export's progress (polled), then its download button. */
function ExportProgressDialog({ job, onClose }: { job: ExportJob; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const download = useDownloadExport();
  const notify = useNotify();
  const polled = useQuery({
    queryKey: ['export', job.id],
    queryFn: () => dataProvider.getExport(job.id),
    initialData: job,
    refetchInterval: (query) => (RUNNING.includes(query.state.data?.status ?? '') ? 1000 : false),
  });
  const current = polled.data ?? job;
  const total = current.rowsTotal ?? 0;
  const percent = total > 0 ? Math.min(100, (current.rowsDone / total) * 100) : 0;
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.exports.${key}`, options);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="export-progress">
      <DialogTitle>{text('progress_title', { file: current.fileName })}</DialogTitle>
      <DialogContent>
        {current.status === 'FAILED' ? (
          <Alert severity="error">{current.error ?? text('failed')}</Alert>
        ) : (
          <>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="export-status">
              {translate(`enums.ExportStatus.${current.status}`)} ·{' '}
              {text('rows', { done: current.rowsDone, total: current.rowsTotal ?? '?' })}
            </Typography>
            <LinearProgress
              variant={current.status === 'QUEUED' ? 'indeterminate' : 'determinate'}
              value={current.status === 'DONE' ? 100 : percent}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {text('background_note')} <Link to="/exports">{text('title')}</Link>
            </Typography>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          disabled={current.status !== 'DONE'}
          onClick={() => download(current).catch((error: Error) => notify(error.message, { type: 'error' }))}
        >
          {text('download')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Export as CSV or Excel. A small export comes back written: its download starts at once; a larger one
 * runs in the background with a progress dialog and a download button when it is done.
 */
export function ExportButton({ what, disabled }: { what: () => ExportWhat | null; disabled?: boolean }) {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const download = useDownloadExport();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [background, setBackground] = useState<ExportJob | null>(null);
  const start = useMutation({
    mutationFn: async (format: 'CSV' | 'XLSX') => {
      const input = what();
      if (!input) throw new Error(translate('hotline.exports.nothing'));
      const job = await dataProvider.createExport({
        ...input,
        format,
        language: locale.startsWith('zh') ? 'ZH' : 'EN',
      });
      if (job.status === 'DONE') await download(job);
      else if (job.status === 'FAILED') throw new Error(job.error ?? translate('hotline.exports.failed'));
      else setBackground(job);
      return job;
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const choose = (format: 'CSV' | 'XLSX') => {
    setAnchor(null);
    start.mutate(format);
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={disabled || start.isPending}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="export-button"
      >
        {translate('ra.action.export')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('CSV')}>{translate('hotline.exports.as_csv')}</MenuItem>
        <MenuItem onClick={() => choose('XLSX')}>{translate('hotline.exports.as_xlsx')}</MenuItem>
      </Menu>
      {background && <ExportProgressDialog job={background} onClose={() => setBackground(null)} />}
    </>
  );
}
