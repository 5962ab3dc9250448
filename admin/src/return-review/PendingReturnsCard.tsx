import { Alert, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { fetchPendingReturnCount } from './queries';

/** The dashboard's count of return requests waiting for a manager, linking to the review queue. */
export function PendingReturnsCard() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'return-review', action: 'list' });
  const { data } = useQuery({
    queryKey: ['pendingReturnCount'],
    queryFn: fetchPendingReturnCount,
    enabled: canAccess === true,
  });
  if (!canAccess || data === undefined) return null;
  return (
    <Alert
      data-testid="pending-returns"
      severity={data > 0 ? 'warning' : 'success'}
      action={
        <Button component={Link} to="/return-review" color="inherit" size="small">
          {translate('hotline.return_review.title')}
        </Button>
      }
    >
      {translate('hotline.return_review.dashboard')}: {data}
    </Alert>
  );
}
