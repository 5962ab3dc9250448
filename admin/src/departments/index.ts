import DepartmentIcon from '@mui/icons-material/AccountTree';
import { DepartmentCreate, DepartmentEdit } from './DepartmentForm';
import { DepartmentTree } from './DepartmentTree';

export default {
  list: DepartmentTree,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  icon: DepartmentIcon,
  recordRepresentation: 'name',
};
