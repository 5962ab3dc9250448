import { Create, Edit, TopToolbar } from 'react-admin';
import { RecordHistoryButton } from '../audit/HistoryButton';
import { RoutingRuleForm } from './RoutingRuleForm';

export function RoutingRuleEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <RecordHistoryButton kind="ROUTING_RULE" />
        </TopToolbar>
      }
    >
      <RoutingRuleForm />
    </Edit>
  );
}

export function RoutingRuleCreate() {
  return (
    <Create redirect="list">
      <RoutingRuleForm />
    </Create>
  );
}
