import { Create, Edit } from 'react-admin';
import { RoutingRuleForm } from './RoutingRuleForm';

export function RoutingRuleEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
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
