import KnowledgeIcon from '@mui/icons-material/MenuBook';
import { KnowledgeCreate, KnowledgeEdit } from './KnowledgeForm';
import { KnowledgeList } from './KnowledgeList';
import { KnowledgeShow } from './KnowledgeShow';

export default {
  list: KnowledgeList,
  show: KnowledgeShow,
  edit: KnowledgeEdit,
  create: KnowledgeCreate,
  icon: KnowledgeIcon,
  recordRepresentation: 'title',
};
