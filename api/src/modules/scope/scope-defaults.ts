import { scopeRules } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';

/** Out-of-scope screening loaded on first start; managers edit them through GraphQL. */
const DEFAULT_SCOPE_RULES: (typeof scopeRules.$inferInsert)[] = [
  {
    name: '紧急警情 / Emergencies',
    keywords: [
      '着火',
      '火灾',
      '起火',
      '冒烟',
      '抢劫',
      '打架',
      '斗殴',
      '持刀',
      '有人受伤',
      '昏迷',
      '车祸',
      '溺水',
      'fire',
      'robbery',
      'injured',
    ],
    categoryCodes: [],
    advice: '属于紧急警情或急救，热线不予受理派单，请来电人立即拨打 110（报警）、119（火警）或 120（急救）。',
    redirectTo: '110 / 119 / 120',
  },
  {
    name: '消费纠纷 / Consumer disputes',
    keywords: [
      '退款',
      '退货',
      '押金',
      '网购',
      '商家不退',
      '充电宝',
      '会员卡',
      '预付卡',
      '快递丢件',
      'refund',
    ],
    categoryCodes: [],
    advice: '属于消费者与经营者之间的消费纠纷，请来电人向 12315 消费者投诉举报平台反映，或与商家协商解决。',
    redirectTo: '12315',
  },
  {
    name: '已进入司法程序 / Cases before a court',
    keywords: [
      '已起诉',
      '起诉了',
      '法院已',
      '已立案',
      '判决',
      '仲裁',
      '诉讼中',
      '强制执行',
      'lawsuit',
      'court',
    ],
    categoryCodes: [],
    advice: '该事项已进入诉讼、仲裁或执行程序，依法由人民法院或仲裁机构处理，热线不予受理。',
    redirectTo: '人民法院 / 仲裁委员会',
  },
  {
    name: '个人责任与民事赔偿 / Personal liability',
    keywords: ['醉酒', '酒后骑车', '酒驾', '索赔', '要求赔偿', '自己摔倒'],
    categoryCodes: [],
    advice: '因本人过错造成的损失或个人之间的赔偿争议属于民事纠纷，可通过协商、人民调解或诉讼解决。',
    redirectTo: '人民调解委员会 / 人民法院',
  },
  {
    name: '单位内部及自主经营事项 / Internal matters of schools and companies',
    keywords: ['毕业照', '校服费', '班费', '年终奖', '公司内部', '团建'],
    categoryCodes: [],
    advice:
      '属于学校、企业内部管理或自主经营事项，建议来电人向所在单位反映；涉及违法违规的再由主管部门处理。',
    redirectTo: '所在单位',
  },
];

/** Inserts the default scope rules (first start only: the caller decides when). */
export async function seedScopeRules(tx: Tx): Promise<void> {
  const [existing] = await tx.select({ id: scopeRules.id }).from(scopeRules).limit(1);
  if (existing) return;
  await tx.insert(scopeRules).values(DEFAULT_SCOPE_RULES);
}
