import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import EditIcon from '@mui/icons-material/Edit';
import { Box, Chip, IconButton, Paper, Stack, Switch, Tooltip, Typography } from '@mui/material';
import type { CSSProperties, Ref } from 'react';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { RoutingRule } from '../graphql/types';

export interface RuleRowProps {
  rule: RoutingRule;
  index: number;
  count: number;
  summary: string;
  highlighted: boolean;
  onMove: (from: number, to: number) => void;
  onToggle: (rule: RoutingRule) => void;
  dragHandle?: { attributes: DraggableAttributes; listeners: DraggableSyntheticListeners };
  containerRef?: Ref<HTMLDivElement>;
  style?: CSSProperties;
}

export function RuleRow(props: RuleRowProps) {
  const { rule, index, count, summary, highlighted, onMove, onToggle, dragHandle, containerRef, style } =
    props;
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Paper
      ref={containerRef}
      style={style}
      variant="outlined"
      data-rule-id={rule.id}
      sx={{
        p: 1.5,
        display: 'flex',
        gap: 1.5,
        alignItems: 'center',
        borderColor: highlighted ? 'success.main' : undefined,
        borderWidth: highlighted ? 2 : 1,
        opacity: rule.enabled ? 1 : 0.6,
      }}
    >
      <Tooltip title={translate('hotline.routing.drag_help')}>
        <IconButton
          size="small"
          sx={{ cursor: 'grab' }}
          aria-label={translate('hotline.routing.drag', { name: rule.name })}
          {...dragHandle?.attributes}
          {...dragHandle?.listeners}
        >
          <DragIndicatorIcon />
        </IconButton>
      </Tooltip>
      <Typography sx={{ minWidth: 28, fontWeight: 600 }}>{index + 1}</Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 500 }}>{rule.name}</Typography>
          <Chip size="small" label={`→ ${rule.department.name}`} />
          {rule.priority && (
            <Chip
              size="small"
              variant="outlined"
              color="warning"
              label={translate(`enums.TicketPriority.${rule.priority}`)}
            />
          )}
          {highlighted && (
            <Chip size="small" color="success" label={translate('hotline.routing.try.picked')} />
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" noWrap title={summary}>
          {summary}
        </Typography>
      </Box>
      <IconButton
        size="small"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        aria-label={translate('ra.action.move_up')}
      >
        <ArrowUpwardIcon fontSize="small" />
      </IconButton>
      <IconButton
        size="small"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
        aria-label={translate('ra.action.move_down')}
      >
        <ArrowDownwardIcon fontSize="small" />
      </IconButton>
      <Tooltip title={translate(rule.enabled ? 'hotline.routing.enabled' : 'hotline.routing.disabled')}>
        <Switch
          checked={rule.enabled}
          onChange={() => onToggle(rule)}
          slotProps={{ input: { 'aria-label': translate('hotline.routing.toggle', { name: rule.name }) } }}
        />
      </Tooltip>
      <IconButton
        size="small"
        component={Link}
        to={createPath({ resource: 'routing-rules', type: 'edit', id: rule.id })}
        aria-label={translate('ra.action.edit')}
      >
        <EditIcon fontSize="small" />
      </IconButton>
    </Paper>
  );
}
