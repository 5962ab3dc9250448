import TicketIcon from '@mui/icons-material/Assignment';
import { TicketCreate } from './TicketCreate';
import { TicketList } from './TicketList';
import { TicketShow } from './TicketShow';

export default {
  list: TicketList,
  show: TicketShow,
  create: TicketCreate,
  icon: TicketIcon,
  recordRepresentation: 'number',
};
