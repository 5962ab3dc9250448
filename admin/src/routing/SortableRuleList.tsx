import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Stack } from '@mui/material';
import type { RoutingRule } from '../graphql/types';
import { RuleRow, type RuleRowProps } from './RuleRow';

type RowProps = Omit<RuleRowProps, 'dragHandle' | 'containerRef' | 'style'>;

function SortableRow(props: RowProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: props.rule.id,
  });
  return (
    <RuleRow
      {...props}
      containerRef={setNodeRef}
      dragHandle={{ attributes, listeners }}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        zIndex: isDragging ? 2 : undefined,
        position: 'relative',
      }}
    />
  );
}

interface SortableRuleListProps {
  rules: RoutingRule[];
  describe: (rule: RoutingRule) => string;
  highlightedId: string | null;
  onMove: (from: number, to: number) => void;
  onToggle: (rule: RoutingRule) => void;
}

/** Rules in evaluation order; drag by the handle, or focus it and use Space and the arrow keys. */
export function SortableRuleList({
  rules,
  describe,
  highlightedId,
  onMove,
  onToggle,
}: SortableRuleListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const dragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = rules.findIndex((rule) => rule.id === active.id);
    const to = rules.findIndex((rule) => rule.id === over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}>
      <SortableContext items={rules.map((rule) => rule.id)} strategy={verticalListSortingStrategy}>
        <Stack spacing={1}>
          {rules.map((rule, index) => (
            <SortableRow
              key={rule.id}
              rule={rule}
              index={index}
              count={rules.length}
              summary={describe(rule)}
              highlighted={rule.id === highlightedId}
              onMove={onMove}
              onToggle={onToggle}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
