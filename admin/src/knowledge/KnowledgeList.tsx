import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { KnowledgeArticle } from '../data/knowledge';
import { ArticleStatus } from './ArticleStatus';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="停水、医保、营业执照…" />,
  <ReferenceInput key="categoryId" source="categoryId" reference="categories" alwaysOn>
    <AutocompleteInput optionText="name" label="resources.knowledge-articles.fields.category" />
  </ReferenceInput>,
  <BooleanInput key="validNow" source="validNow" alwaysOn />,
];

/** The knowledge base: search as a caller would ask, most relevant first. */
export function KnowledgeList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="knowledge-list">
        <TextField source="title" sortable={false} />
        <FunctionField
          source="category"
          sortable={false}
          render={(article: KnowledgeArticle) => article.category?.name ?? '—'}
        />
        <FunctionField
          source="ownerDepartment"
          sortable={false}
          render={(article: KnowledgeArticle) => article.ownerDepartment?.name ?? '12345'}
        />
        <FunctionField source="valid" sortable={false} render={() => <ArticleStatus />} />
        <NumberField source="usageCount" sortable={false} />
        <DateTimeField source="updatedAt" sortable={false} short />
      </Datagrid>
    </List>
  );
}
