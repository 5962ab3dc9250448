import EventIcon from '@mui/icons-material/Event';
import { Button, Datagrid, FunctionField, List, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { HistoryButton } from '../audit/HistoryButton';
import type { SlaPolicy } from '../graphql/types';
import { PriorityChip } from '../tickets/TicketChips';
import { DurationField } from './DurationField';
import { humanizeDuration, nominalMilliseconds } from './duration';

function Actions() {
  return (
    <TopToolbar>
      <Button component={Link} to="/calendar" label="hotline.menu.calendar">
        <EventIcon />
      </Button>
      <HistoryButton kind="SLA_POLICY" />
    </TopToolbar>
  );
}

export function SlaPolicyList() {
  const translate = useTranslate();
  return (
    <List actions={<Actions />} pagination={false} perPage={100} sort={{ field: 'rank', order: 'ASC' }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <FunctionField<SlaPolicy>
          source="priority"
          sortable={false}
          render={(record) => <PriorityChip priority={record.priority} />}
        />
        <TextField source="name" sortable={false} />
        <FunctionField<SlaPolicy>
          source="clock"
          sortable={false}
          render={(record) => translate(`enums.SlaClock.${record.clock}`)}
        />
        <DurationField source="acceptWithin" sortable={false} />
        <DurationField source="resolveWithin" sortable={false} />
        <FunctionField<SlaPolicy>
          source="remindAt"
          sortable={false}
          render={(record) => record.remindAt.map((fraction) => `${Math.round(fraction * 100)}%`).join(' / ')}
        />
        <FunctionField<SlaPolicy>
          source="escalation"
          sortable={false}
          render={(record) =>
            record.escalation
              .map((step) =>
                nominalMilliseconds(step.after) === 0
                  ? translate('hotline.sla_policy.step_at_breach', { level: step.level })
                  : translate('hotline.sla_policy.step', {
                      level: step.level,
                      after: humanizeDuration(step.after, record.clock, translate),
                    }),
              )
              .join('; ')
          }
        />
      </Datagrid>
    </List>
  );
}
