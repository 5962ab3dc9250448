import TimerIcon from '@mui/icons-material/Timer';
import { SlaPolicyEdit } from './SlaPolicyEdit';
import { SlaPolicyList } from './SlaPolicyList';

export default {
  list: SlaPolicyList,
  edit: SlaPolicyEdit,
  icon: TimerIcon,
  recordRepresentation: 'name',
};
