import { Alert, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useDebounced } from '../common/use-debounced';
import { useHotlineDataProvider } from '../data-provider';
import { CHANNELS, DEMAND_TYPES } from '../graphql/enums';
import type { Category, RouteDecision, RoutePreviewInput } from '../graphql/types';

const ALL = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' as const } };

function CodeSelect({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Category[];
  value: string;
  onChange: (code: string) => void;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <MenuItem value="">{translate('hotline.routing.try.any')}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.id} value={option.code}>
          {option.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

function DecisionView({ decision }: { decision: RouteDecision }) {
  const translate = useTranslate();
  if (!decision.rule) return <Alert severity="warning">{translate('hotline.routing.try.no_match')}</Alert>;
  return (
    <Alert severity="success" role="status">
      {translate('hotline.routing.try.match', {
        position: decision.rule.position,
        rule: decision.rule.name,
        department: decision.department?.name ?? '—',
        priority: translate(`enums.TicketPriority.${decision.priority}`),
      })}
    </Alert>
  );
}

/** Runs routePreview on what is typed, so a manager sees which rule would pick a ticket. */
export function TryItPanel({ onDecision }: { onDecision?: (ruleId: string | null) => void }) {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const { data: categories = [] } = useGetList<Category>('categories', ALL);
  const { data: areas = [] } = useGetList<Category>('areas', ALL);
  const [input, setInput] = useState<RoutePreviewInput>({
    title: '',
    description: '',
    demandType: 'CONSULTATION',
  });
  const debounced = useDebounced(input, 350);
  const typed = debounced.title.trim() !== '' || debounced.description.trim() !== '';
  const { data, error } = useQuery({
    queryKey: ['routePreview', debounced],
    queryFn: ({ signal }) => {
      const { channel, categoryCode, areaCode, ...rest } = debounced;
      // routePreview, like createTicket, wants both texts; rules match on either, so one may stand for both.
      const title = rest.title.trim() || rest.description.trim();
      const description = rest.description.trim() || title;
      return dataProvider.routePreview(
        {
          ...rest,
          title,
          description,
          ...(channel && { channel }),
          ...(categoryCode && { categoryCode }),
          ...(areaCode && { areaCode }),
        },
        signal,
      );
    },
    enabled: typed,
    placeholderData: keepPreviousData,
  });
  useEffect(() => onDecision?.(typed ? (data?.rule?.id ?? null) : null), [data, typed, onDecision]);
  const set = (key: keyof RoutePreviewInput) => (value: string) =>
    setInput((current) => ({ ...current, [key]: value }));
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('hotline.routing.try.title')}
        </Typography>
        <Stack spacing={1.5}>
          <TextField
            size="small"
            label={translate('resources.tickets.fields.title')}
            value={input.title}
            onChange={(event) => set('title')(event.target.value)}
          />
          <TextField
            size="small"
            multiline
            minRows={2}
            label={translate('resources.tickets.fields.description')}
            value={input.description}
            onChange={(event) => set('description')(event.target.value)}
          />
          <TextField
            select
            size="small"
            label={translate('resources.tickets.fields.demandType')}
            value={input.demandType}
            onChange={(event) => set('demandType')(event.target.value)}
          >
            {DEMAND_TYPES.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`enums.DemandType.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('resources.tickets.fields.channel')}
            value={input.channel ?? ''}
            onChange={(event) => set('channel')(event.target.value)}
          >
            <MenuItem value="">{translate('hotline.routing.try.any')}</MenuItem>
            {CHANNELS.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`enums.Channel.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <CodeSelect
            label={translate('resources.tickets.fields.category')}
            options={categories}
            value={input.categoryCode ?? ''}
            onChange={set('categoryCode')}
          />
          <CodeSelect
            label={translate('resources.tickets.fields.area')}
            options={areas}
            value={input.areaCode ?? ''}
            onChange={set('areaCode')}
          />
          {!typed && (
            <Typography variant="body2" color="text.secondary">
              {translate('hotline.routing.try.hint')}
            </Typography>
          )}
          {typed && error && (
            <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert>
          )}
          {typed && data && <DecisionView decision={data} />}
        </Stack>
      </CardContent>
    </Card>
  );
}
