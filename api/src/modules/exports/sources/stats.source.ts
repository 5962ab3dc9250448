import { computeStats, type StatsArgs } from '../../stats/stats.service.js';
import { dateOf, type ExportColumn, type ExportSource, oneBatch } from '../export-source.js';
import { loadNames } from './names.js';

const column = (en: string, zh: string, kind: ExportColumn['kind'] = 'text', width = 18): ExportColumn => ({
  header: { EN: en, ZH: zh },
  kind,
  width,
});
const FIGURES = [
  ['received', 'Received', '受理量'],
  ['dispatched', 'Dispatched', '派单量'],
  ['resolved', 'Resolved', '办结量'],
  ['overdue', 'Overdue now', '当前超期'],
  ['outOfScope', 'Out of scope', '不予受理'],
  ['returned', 'Returned', '退单量'],
  ['responseRate', 'Response rate', '响应率'],
  ['resolutionRate', 'Resolution rate', '解决率'],
  ['satisfactionRate', 'Satisfaction rate', '满意率'],
] as const;

/** `stats(from, to, departmentId)`: its figures, tickets by day, by category, returns by department. */
export const statsSource: ExportSource<StatsArgs> = {
  name: 'stats',
  fileStem: { EN: 'stats', ZH: '统计' },
  parse(json) {
    const params = json as Record<string, unknown>;
    return {
      from: dateOf(params.from) ?? new Date(Number.NaN),
      to: dateOf(params.to) ?? new Date(Number.NaN),
      departmentId: (params.departmentId as string | null) ?? null,
    };
  },
  async count(ctx, params) {
    const stats = await computeStats(ctx, params);
    return FIGURES.length + stats.byDay.length + stats.byCategory.length + stats.returnsByDepartment.length;
  },
  async sheets(ctx, params, language) {
    const [stats, names] = await Promise.all([computeStats(ctx, params), loadNames(ctx.db)]);
    const figures = stats as unknown as Record<string, number | null>;
    return [
      {
        name: { EN: 'Figures', ZH: '指标' },
        columns: [column('Figure', '指标', 'text', 24), column('Value', '数值', 'number', 14)],
        batches: oneBatch(FIGURES.map(([key, en, zh]) => [language === 'ZH' ? zh : en, figures[key]])),
      },
      {
        name: { EN: 'By day', ZH: '按日' },
        columns: [column('Date', '日期', 'text', 12), column('Tickets', '工单数', 'number', 10)],
        batches: oneBatch(stats.byDay.map((day) => [day.date, day.count])),
      },
      {
        name: { EN: 'By category', ZH: '按分类' },
        columns: [column('Category', '分类', 'text', 24), column('Tickets', '工单数', 'number', 10)],
        batches: oneBatch(stats.byCategory.map((row) => [names.category(row.categoryId), row.count])),
      },
      {
        name: { EN: 'Returns by department', ZH: '各单位退单' },
        columns: [column('Department', '单位', 'text', 24), column('Returns', '退单数', 'number', 10)],
        batches: oneBatch(
          stats.returnsByDepartment.map((row) => [names.department(row.departmentId), row.count]),
        ),
      },
    ];
  },
};
