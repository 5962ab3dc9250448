/**
 * Deterministic, realistic-looking demand texts: Chinese titles and descriptions built from the phrases
 * hotline agents write, caller names and mobile numbers. Seeded so every run loads the same data.
 */

/** mulberry32: small, fast, good enough to spread data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const SUBJECTS = [
  '小区停水',
  '楼道灯损坏',
  '施工噪音扰民',
  '拖欠工资',
  '物业不作为',
  '暖气不热',
  '路面塌陷',
  '垃圾清运不及时',
  '共享单车乱停放',
  '餐馆油烟扰民',
  '公交线路调整',
  '医保报销咨询',
  '不动产证办理',
  '违章建筑',
  '井盖缺失',
  '占道经营',
  '燃气表故障',
  '电梯故障',
  '学校招生咨询',
  '养老金发放',
];

const PLACES = ['朝阳路', '幸福里小区', '建设大街', '滨河花园', '光明社区', '人民路', '东关街', '新华小区'];

const DETAILS = [
  '来电人反映该问题已持续多日，影响正常生活，',
  '市民表示多次向物业反映无果，',
  '来电人称附近居民意见很大，',
  '反映人说明夜间尤为严重，',
  '来电人称已向相关部门反映但未得到答复，',
  '市民咨询相关政策及办理流程，',
];

const REQUESTS = [
  '希望相关部门尽快处理。',
  '要求尽快核实并给予答复。',
  '请求协调解决。',
  '希望加强监管。',
  '请求告知办理时限。',
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['先生', '女士', '伟', '芳', '娜', '敏', '静', '磊', '强', '军'];

export interface DemandText {
  title: string;
  description: string;
  address: string;
  callerName: string;
}

export function demandText(random: () => number): DemandText {
  const subject = pick(random, SUBJECTS);
  const place = pick(random, PLACES);
  const number = 1 + Math.floor(random() * 200);
  return {
    title: `${place}${subject}`,
    description: `${place}${number}号${subject}，${pick(random, DETAILS)}${pick(random, REQUESTS)}`,
    address: `${place}${number}号`,
    callerName: `${pick(random, SURNAMES)}${pick(random, GIVEN)}`,
  };
}

/** A mainland mobile number: 1[3-9]x xxxx xxxx. */
export function mobileNumber(random: () => number): string {
  const second = 3 + Math.floor(random() * 7);
  const rest = Math.floor(random() * 1e9)
    .toString()
    .padStart(9, '0');
  return `1${second}${rest}`;
}
