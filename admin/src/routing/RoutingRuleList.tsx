import { Box, Grid, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import {
  AccessDenied,
  CanAccess,
  CreateButton,
  Loading,
  Title,
  useGetList,
  useNotify,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { HistoryButton } from '../audit/HistoryButton';
import { useHotlineDataProvider } from '../data-provider';
import type { Category, RoutingRule } from '../graphql/types';
import { describeConditions } from './conditions';
import { SortableRuleList } from './SortableRuleList';
import { TryItPanel } from './TryItPanel';

const ALL = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'position', order: 'ASC' as const } };

export function moveItem<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

function RoutingRulePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useHotlineDataProvider();
  const [update] = useUpdate<RoutingRule>();
  const { data, isPending, refetch } = useGetList<RoutingRule>('routing-rules', ALL);
  const { data: categories = [] } = useGetList<Category>('categories', {
    ...ALL,
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: areas = [] } = useGetList<Category>('areas', {
    ...ALL,
    sort: { field: 'name', order: 'ASC' },
  });
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => setRules(data ?? []), [data]);

  const move = async (from: number, to: number) => {
    const previous = rules;
    const next = moveItem(rules, from, to);
    setRules(next);
    try {
      await dataProvider.reorderRoutingRules(next.map((rule) => rule.id));
      await queryClient.invalidateQueries({ queryKey: ['routing-rules'] });
      notify('hotline.routing.reordered', { type: 'info' });
    } catch (error) {
      setRules(previous);
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      void refetch();
    }
  };
  const toggle = (rule: RoutingRule) => {
    const changed = { ...rule, enabled: !rule.enabled };
    setRules((current) => current.map((existing) => (existing.id === rule.id ? changed : existing)));
    update(
      'routing-rules',
      { id: rule.id, data: changed, previousData: rule },
      { mutationMode: 'pessimistic', onError: () => void refetch() },
    );
  };
  const nameOf = (options: Category[]) => (code: string) =>
    options.find((option) => option.code === code)?.name ?? code;
  const describe = (rule: RoutingRule) =>
    describeConditions(
      rule.conditions,
      { categoryName: nameOf(categories), areaName: nameOf(areas) },
      translate,
    );
  const onDecision = useCallback((ruleId: string | null) => setPicked(ruleId), []);

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('resources.routing-rules.name', { smart_count: 2 })} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('hotline.routing.order_help')}
            </Typography>
            <Box>
              <HistoryButton kind="ROUTING_RULE" />
              <CreateButton resource="routing-rules" />
            </Box>
          </Box>
          {isPending ? (
            <Loading />
          ) : rules.length === 0 ? (
            <Typography sx={{ p: 2 }}>{translate('hotline.routing.empty')}</Typography>
          ) : (
            <SortableRuleList
              rules={rules}
              describe={describe}
              highlightedId={picked}
              onMove={move}
              onToggle={toggle}
            />
          )}
        </Grid>
        {/* Kept in view beside a long rule list, so the highlighted rule and the panel are seen together. */}
        <Grid
          size={{ xs: 12, lg: 4 }}
          sx={{ alignSelf: 'flex-start', position: { lg: 'sticky' }, top: { lg: 72 } }}
        >
          <TryItPanel onDecision={onDecision} />
        </Grid>
      </Grid>
    </Box>
  );
}

export default function RoutingRuleList() {
  return (
    <CanAccess resource="routing-rules" action="list" accessDenied={<AccessDenied />}>
      <RoutingRulePage />
    </CanAccess>
  );
}
