import { type Period, rankDepartments } from '../../scorecard/scorecard.service.js';
import { dateOf, type ExportColumn, type ExportSource, oneBatch } from '../export-source.js';
import { loadNames } from './names.js';

const column = (en: string, zh: string, kind: ExportColumn['kind'] = 'number', width = 12): ExportColumn => ({
  header: { EN: en, ZH: zh },
  kind,
  width,
});

/** `departmentRanking(from, to)`: one row per department, in rank order. */
export const rankingSource: ExportSource<Period> = {
  name: 'ranking',
  fileStem: { EN: 'ranking', ZH: '考核排名' },
  parse(json) {
    const params = json as Record<string, unknown>;
    return {
      from: dateOf(params.from) ?? new Date(Number.NaN),
      to: dateOf(params.to) ?? new Date(Number.NaN),
    };
  },
  async count(ctx, params) {
    return (await rankDepartments(ctx, params)).entries.length;
  },
  async sheets(ctx, params) {
    const [ranking, names] = await Promise.all([rankDepartments(ctx, params), loadNames(ctx.db)]);
    return [
      {
        name: { EN: 'Ranking', ZH: '考核排名' },
        columns: [
          column('Rank', '排名', 'number', 6),
          column('Department', '单位', 'text', 24),
          column('Score', '得分'),
          column('Volume', '工单量'),
          column('On-time acceptance', '签收及时率'),
          column('Resolution rate', '办结率'),
          column('On-time resolution', '按时办结率'),
          column('Satisfaction rate', '满意率'),
          column('Reopen rate', '重办率'),
          column('Return rate', '退单率'),
          column('Returns', '退单数'),
          column('Return requests rejected', '退单申请被驳回'),
          column('Overdue now', '当前超期'),
          column('Supervised tickets', '督办工单'),
          column('Co-handling requests', '协办请求'),
          column('Co-handling on time', '协办按时率'),
          column('Score change', '得分变化'),
        ],
        batches: oneBatch(
          ranking.entries.map((entry) => [
            entry.rank,
            names.department(entry.departmentId),
            entry.current.score,
            entry.current.volume,
            entry.current.responseRate,
            entry.current.resolutionRate,
            entry.current.onTimeResolutionRate,
            entry.current.satisfactionRate,
            entry.current.reopenRate,
            entry.current.returnRate,
            entry.current.returns,
            entry.current.rejectedReturns,
            entry.overdueNow,
            entry.current.supervisedTickets,
            entry.current.coHandlingRequests,
            entry.current.coHandlingOnTimeRate,
            entry.scoreChange,
          ]),
        ),
      },
    ];
  },
};
