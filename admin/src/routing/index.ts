import RouteIcon from '@mui/icons-material/AltRoute';
import { lazy } from 'react';
import { RoutingRuleCreate, RoutingRuleEdit } from './RoutingRuleEdit';

export default {
  list: lazy(() => import('./RoutingRuleList')),
  edit: RoutingRuleEdit,
  create: RoutingRuleCreate,
  icon: RouteIcon,
  recordRepresentation: 'name',
};
