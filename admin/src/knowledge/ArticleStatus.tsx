import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { KnowledgeArticle } from '../data/knowledge';

/** In force, retired, not yet or no longer in force; and a warning when the review date has passed. */
export function ArticleStatus() {
  const article = useRecordContext<KnowledgeArticle>();
  const translate = useTranslate();
  if (!article) return null;
  const now = Date.now();
  const state = article.retiredAt
    ? 'retired'
    : article.valid
      ? 'valid'
      : Date.parse(article.validFrom) > now
        ? 'not_yet'
        : 'expired';
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip
        size="small"
        color={state === 'valid' ? 'success' : 'default'}
        label={translate(`hotline.knowledge.state.${state}`)}
      />
      {article.reviewDue && (
        <Chip
          size="small"
          color="warning"
          data-testid="review-due"
          label={translate('hotline.knowledge.review_due')}
        />
      )}
    </Stack>
  );
}
