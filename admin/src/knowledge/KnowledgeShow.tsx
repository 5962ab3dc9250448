import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { KnowledgeArticle } from '../data/knowledge';
import { useHotlineDataProvider } from '../data-provider';
import { ArticleStatus } from './ArticleStatus';

type ArticleWithHistory = KnowledgeArticle & {
  history: { id: string; action: string; at: string; actor: { name: string } | null }[];
};

function RetireButton() {
  const article = useRecordContext<KnowledgeArticle>();
  const dataProvider = useHotlineDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  if (!article?.mayEdit || article.retiredAt) return null;
  const retire = async () => {
    if (!window.confirm(translate('hotline.knowledge.retire_confirm'))) return;
    try {
      await dataProvider.retireKnowledgeArticle(article.id);
      await queryClient.invalidateQueries({ queryKey: ['knowledge-articles'] });
      notify('hotline.knowledge.retired', { type: 'info' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <Button color="warning" onClick={retire}>
      {translate('hotline.knowledge.retire')}
    </Button>
  );
}

function Actions() {
  const article = useRecordContext<KnowledgeArticle>();
  return (
    <TopToolbar>
      {article?.mayEdit && <EditButton />}
      <RetireButton />
    </TopToolbar>
  );
}

function History() {
  const article = useRecordContext<ArticleWithHistory>();
  const translate = useTranslate();
  if (!article?.history) return null;
  return (
    <Stack spacing={0.5}>
      {article.history.map((change) => (
        <Typography key={change.id} variant="body2">
          <DateTimeField record={change} source="at" /> ·{' '}
          {translate(`hotline.knowledge.action.${change.action}`)} · {change.actor?.name ?? '—'}
        </Typography>
      ))}
    </Stack>
  );
}

export function KnowledgeShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="title" variant="h6" />
        <FunctionField source="valid" render={() => <ArticleStatus />} />
        <FunctionField
          source="body"
          render={(article: KnowledgeArticle) => (
            <Card variant="outlined">
              <CardContent sx={{ whiteSpace: 'pre-wrap' }} data-testid="article-body">
                {article.body}
              </CardContent>
            </Card>
          )}
        />
        <FunctionField
          source="category"
          render={(article: KnowledgeArticle) => article.category?.name ?? '—'}
        />
        <FunctionField source="area" render={(article: KnowledgeArticle) => article.area?.name ?? '—'} />
        <FunctionField
          source="ownerDepartment"
          render={(article: KnowledgeArticle) => article.ownerDepartment?.name ?? '12345'}
        />
        <DateTimeField source="validFrom" />
        <DateTimeField source="validTo" emptyText="—" />
        <DateTimeField source="reviewAt" emptyText="—" />
        <NumberField source="usageCount" />
        <Labeled label={translate('hotline.knowledge.history')}>
          <History />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
