import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useNotify, useTranslate } from 'react-admin';
import { useDateFormat } from '../common/timezone';
import { errorCodeOf } from '../graphql/client';
import { decideReturnRequest, fetchReturnQueue } from './queries';

type Queue = Awaited<ReturnType<typeof fetchReturnQueue>>;
type Request = Queue['nodes'][number];

/** One waiting request: approve at once, or reject with the reason the department will read. */
function RequestRow({ request, onDecided }: { request: Request; onDecided: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { dateTime } = useDateFormat();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const decide = async (approve: boolean) => {
    setPending(true);
    try {
      await decideReturnRequest({
        id: request.ticket.id,
        approve,
        reason: approve ? null : reason.trim(),
        expectedVersion: request.ticket.version,
      });
      notify(approve ? 'hotline.return_review.approved' : 'hotline.return_review.rejected', {
        type: 'success',
        messageArgs: { number: request.ticket.number },
      });
      onDecided();
    } catch (error) {
      const code = errorCodeOf(error);
      notify(code === 'CONFLICT' ? 'hotline.conflict.title' : String((error as Error).message), {
        type: 'error',
      });
      onDecided();
    } finally {
      setPending(false);
    }
  };
  return (
    <TableRow data-testid="return-request">
      <TableCell>
        <Link to={`/tickets/${encodeURIComponent(request.ticket.id)}/show`}>{request.ticket.number}</Link>
        <Typography variant="body2">{request.ticket.title}</Typography>
        {request.ticket.sla.breached && (
          <Chip size="small" color="error" label={translate('hotline.return_review.overdue')} />
        )}
      </TableCell>
      <TableCell>
        {request.department.name}
        {request.requestedBy && (
          <Typography variant="body2" color="text.secondary">
            {request.requestedBy.name}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>{request.reason}</TableCell>
      <TableCell>{dateTime(request.createdAt)}</TableCell>
      <TableCell sx={{ minWidth: 280 }}>
        {rejecting ? (
          <Stack spacing={1}>
            <TextField
              size="small"
              label={translate('hotline.return_review.reject_reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              multiline
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            <Stack direction="row" spacing={1}>
              <Button
                variant="contained"
                color="warning"
                disabled={pending || !reason.trim()}
                onClick={() => decide(false)}
              >
                {translate('hotline.return_review.confirm_reject')}
              </Button>
              <Button onClick={() => setRejecting(false)}>{translate('ra.action.cancel')}</Button>
            </Stack>
          </Stack>
        ) : (
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={pending} onClick={() => decide(true)}>
              {translate('hotline.return_review.approve')}
            </Button>
            <Button variant="outlined" color="warning" disabled={pending} onClick={() => setRejecting(true)}>
              {translate('hotline.return_review.reject')}
            </Button>
          </Stack>
        )}
      </TableCell>
    </TableRow>
  );
}

/** The return-review queue (派单异议审核): oldest request first. */
export default function ReturnReviewPage() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['returnReviewQueue'], queryFn: fetchReturnQueue });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['returnReviewQueue'] });
    void queryClient.invalidateQueries({ queryKey: ['pendingReturnCount'] });
  };
  return (
    <Card sx={{ m: 2 }}>
      <Title title={translate('hotline.return_review.title')} />
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('hotline.return_review.heading', { count: data?.totalCount ?? 0 })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('hotline.return_review.help')}
        </Typography>
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{String(error.message)}</Alert>}
        {data && data.nodes.length === 0 && (
          <Alert severity="success">{translate('hotline.return_review.empty')}</Alert>
        )}
        {data && data.nodes.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('hotline.return_review.ticket')}</TableCell>
                <TableCell>{translate('hotline.return_review.department')}</TableCell>
                <TableCell>{translate('hotline.return_review.reason')}</TableCell>
                <TableCell>{translate('hotline.return_review.requested_at')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.nodes.map((request) => (
                <RequestRow key={request.id} request={request} onDecided={refresh} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
