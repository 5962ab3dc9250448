import { Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCreate, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useDebounced } from '../common/use-debounced';
import { useHotlineDataProvider } from '../data-provider';

const ALL = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' as const } };
/** Quiet time after the last keystroke before asking for suggestions. */
const DEBOUNCE_MS = 400;
/** Fewer characters than this say too little to suggest anything. */
const MIN_TEXT = 4;

/**
 * Intake: articles that likely answer the demand being typed, refreshed as the agent types. When one
 * answers the caller, "answered from this article" registers the ticket closed as answered directly.
 */
export function ArticleSuggestions() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const [title = '', description = '', categoryCode, areaCode] = useWatch({
    name: ['title', 'description', 'categoryCode', 'areaCode'],
  }) as [string | undefined, string | undefined, string | undefined, string | undefined];
  const { data: categories = [] } = useGetList<{ id: string; code: string }>('categories', ALL);
  const { data: areas = [] } = useGetList<{ id: string; code: string }>('areas', ALL);
  const categoryId = categories.find((category) => category.code === categoryCode)?.id ?? null;
  const areaId = areas.find((area) => area.code === areaCode)?.id ?? null;
  const text = useDebounced(`${title} ${description}`.trim(), DEBOUNCE_MS);
  const { data: suggestions = [] } = useQuery({
    queryKey: ['suggestArticles', text, categoryId, areaId],
    queryFn: () => dataProvider.suggestArticles(text, categoryId, areaId),
    enabled: [...text].length >= MIN_TEXT,
    placeholderData: (previous) => previous,
  });
  const [open, setOpen] = useState<string | null>(null);
  const answer = useAnswerFromArticle();

  return (
    <Box data-testid="article-suggestions" sx={{ width: { md: 380 }, flexShrink: 0 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate('hotline.knowledge.suggestions')}
      </Typography>
      {suggestions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('hotline.knowledge.no_suggestions')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {suggestions.map(({ article, score }) => (
            <Card key={article.id} variant="outlined" data-testid="article-suggestion">
              <CardContent sx={{ pb: 0 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>
                    {article.title}
                  </Typography>
                  <Chip size="small" label={`${Math.round(score * 100)}%`} />
                </Stack>
                {article.reviewDue && (
                  <Chip
                    size="small"
                    color="warning"
                    label={translate('hotline.knowledge.review_due')}
                    sx={{ mt: 0.5 }}
                  />
                )}
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ mt: 0.5, whiteSpace: 'pre-wrap', ...(open === article.id ? {} : clamp) }}
                  onClick={() => setOpen(open === article.id ? null : article.id)}
                >
                  {article.body}
                </Typography>
              </CardContent>
              <CardActions>
                <Button
                  size="small"
                  variant="contained"
                  disabled={answer.pending}
                  onClick={() => answer.run(article.id)}
                >
                  {translate('hotline.knowledge.answered_from')}
                </Button>
              </CardActions>
            </Card>
          ))}
        </Stack>
      )}
    </Box>
  );
}

const clamp = {
  display: '-webkit-box',
  WebkitLineClamp: 3,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;

/** Registers the form's demand as answered on the spot from the article, then opens the ticket. */
function useAnswerFromArticle() {
  const form = useFormContext();
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const run = async (articleId: string) => {
    if (!(await form.trigger())) return;
    const values = form.getValues();
    await create(
      'tickets',
      { data: { ...values, autoDispatch: false, answeredFromArticleId: articleId } },
      {
        onSuccess: (ticket) => {
          notify('hotline.knowledge.answered', { type: 'info' });
          redirect('show', 'tickets', ticket.id);
        },
        onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
      },
    );
  };
  return { run, pending: isPending };
}
