import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  LinearProgress,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useViewer } from '../auth/use-viewer';
import { useDateFormat } from '../common/timezone';
import { useHotlineDataProvider } from '../data-provider';
import { formatBytes } from './download';
import { useDownloadExport } from './ExportButton';

/** The viewer's exports (an ADMIN: everyone's, the export audit) with status, size and download. */
export default function ExportsPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const viewer = useViewer();
  const notify = useNotify();
  const download = useDownloadExport();
  const { dateTime } = useDateFormat();
  const [everyone, setEveryone] = useState(false);
  const exports = useQuery({
    queryKey: ['exports', everyone],
    queryFn: () => dataProvider.listExports(everyone),
    enabled: !!viewer,
    refetchInterval: (query) =>
      query.state.data?.some((job) => ['QUEUED', 'RUNNING'].includes(job.status)) ? 2000 : false,
  });
  const text = (key: string, options?: Record<string, unknown>) =>
    translate(`hotline.exports.${key}`, options);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={text('title')} />
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {text('note')}
        </Typography>
        {viewer?.role === 'ADMIN' && (
          <FormControlLabel
            control={<Switch checked={everyone} onChange={(event) => setEveryone(event.target.checked)} />}
            label={text('everyone')}
          />
        )}
      </Stack>
      {exports.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {exports.error && <Alert severity="error">{String((exports.error as Error).message)}</Alert>}
      <Card>
        <CardContent sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="exports-table">
            <TableHead>
              <TableRow>
                {[
                  'createdAt',
                  ...(everyone ? ['owner'] : []),
                  'source',
                  'file',
                  'status',
                  'rows',
                  'size',
                  'expiresAt',
                  '',
                ].map((key) => (
                  <TableCell key={key}>{key ? text(`columns.${key}`) : ''}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(exports.data ?? []).map((job) => (
                <TableRow key={job.id} hover>
                  <TableCell>{dateTime(job.createdAt)}</TableCell>
                  {everyone && <TableCell>{job.ownerName ?? job.ownerId}</TableCell>}
                  <TableCell>{translate(`enums.ExportSource.${job.source}`)}</TableCell>
                  <TableCell>{job.fileName}</TableCell>
                  <TableCell>
                    {translate(`enums.ExportStatus.${job.status}`)}
                    {job.error ? ` (${job.error})` : ''}
                  </TableCell>
                  <TableCell>
                    {job.status === 'DONE' ? job.rowsDone : `${job.rowsDone} / ${job.rowsTotal ?? '?'}`}
                  </TableCell>
                  <TableCell>{job.status === 'DONE' ? formatBytes(job.bytes) : ''}</TableCell>
                  <TableCell>{dateTime(job.expiresAt)}</TableCell>
                  <TableCell>
                    {job.status === 'DONE' && job.ownerId === viewer?.user?.id && (
                      <Button
                        size="small"
                        startIcon={<DownloadIcon />}
                        onClick={() =>
                          download(job).catch((error: Error) => notify(error.message, { type: 'error' }))
                        }
                      >
                        {text('download')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {exports.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={everyone ? 9 : 8} sx={{ color: 'text.secondary' }}>
                    {text('none')}
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </Box>
  );
}
