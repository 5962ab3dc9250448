import KeyIcon from '@mui/icons-material/VpnKey';
import { ApiClientCreate } from './ApiClientCreate';
import { ApiClientList } from './ApiClientList';

export default { list: ApiClientList, create: ApiClientCreate, icon: KeyIcon, recordRepresentation: 'name' };
