import { Alert, Button } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { DRILL_DOWN_KEYS } from '../ranking/drill-down';

/** Says which scorecard figure the list shows, when it was opened from a department's page. */
export function DrillDownNotice() {
  const translate = useTranslate();
  const { filterValues, total, isPending, setFilters } = useListContext();
  const figure = filterValues[DRILL_DOWN_KEYS.figure];
  if (typeof figure !== 'string' || isPending) return null;
  return (
    <Alert
      severity="info"
      data-testid="drill-down-notice"
      action={
        <Button color="inherit" size="small" onClick={() => setFilters({}, {})}>
          {translate('ra.action.clear_input_value')}
        </Button>
      }
    >
      {translate('hotline.drill_down.notice', {
        count: total ?? 0,
        figure: translate(`hotline.ranking.figures.${figure}`),
        department: String(filterValues[DRILL_DOWN_KEYS.department] ?? ''),
      })}
    </Alert>
  );
}
