import type { Role } from '../auth/roles.ts';

/**
 * The demo center 示例热线: a 12345-style government hotline, generated deterministically from a seeded
 * uniform random source so every fresh install shows the same center.
 */
export interface DemoSkillGroup {
  code: string;
  name: string;
  slThresholdSeconds: number;
  slTarget: number;
  /** Calls on an ordinary weekday. */
  weekdayCalls: number;
  /** Mean talk + hold, seconds, and its coefficient of variation (lognormal). */
  meanHandleSeconds: number;
  handleCv: number;
  meanAcwSeconds: number;
  /** Mean caller patience, seconds (exponential). */
  meanPatienceSeconds: number;
}

export const DEMO_SKILL_GROUPS: DemoSkillGroup[] = [
  {
    code: 'policy',
    name: '政策咨询',
    slThresholdSeconds: 20,
    slTarget: 0.8,
    weekdayCalls: 2400,
    meanHandleSeconds: 210,
    handleCv: 0.7,
    meanAcwSeconds: 30,
    meanPatienceSeconds: 150,
  },
  {
    code: 'complaint',
    name: '投诉举报',
    slThresholdSeconds: 20,
    slTarget: 0.8,
    weekdayCalls: 900,
    meanHandleSeconds: 390,
    handleCv: 0.6,
    meanAcwSeconds: 60,
    meanPatienceSeconds: 200,
  },
  {
    code: 'enterprise',
    name: '企业专席',
    slThresholdSeconds: 15,
    slTarget: 0.85,
    weekdayCalls: 400,
    meanHandleSeconds: 330,
    handleCv: 0.6,
    meanAcwSeconds: 45,
    meanPatienceSeconds: 120,
  },
];

export const DEMO_TEAM_COUNT = 8;
export const DEMO_TEAM_SIZE = 15;
export const DEMO_SEATS = 60;

export const DEMO_HANDLING_UNITS = [
  { code: 'HU-RSJ', name: '市人力资源和社会保障局', headName: '周主任', canSeePersonalData: true },
  { code: 'HU-ZJJ', name: '市住房和城乡建设局', headName: '吴科长', canSeePersonalData: true },
  { code: 'HU-SCJ', name: '市市场监督管理局', headName: '郑处长', canSeePersonalData: true },
  { code: 'HU-JTJ', name: '市交通运输局', headName: '王科长', canSeePersonalData: false },
  { code: 'HU-SWJ', name: '市水务集团', headName: '冯经理', canSeePersonalData: false },
  { code: 'HU-GAJ', name: '市公安局110联动中心', headName: '陈队长', canSeePersonalData: true },
  { code: 'HU-HBJ', name: '市生态环境局', headName: '褚科长', canSeePersonalData: false },
  { code: 'HU-DLG', name: '供电公司客户服务中心', headName: '卫经理', canSeePersonalData: false },
];

const FAMILY =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯晨欣怡佳琪子涵雨轩梓萱一诺思远嘉怡晓东海燕春梅丹丹雪婷俊杰志强宏伟';

/** A plausible Chinese full name: family name + one or two given-name characters. */
export function demoName(rng: () => number): string {
  const pick = (s: string) => s[Math.floor(rng() * s.length)] ?? s[0];
  return pick(FAMILY) + pick(GIVEN) + (rng() < 0.6 ? pick(GIVEN) : '');
}

export interface DemoAgent {
  employeeNo: string;
  name: string;
  team: number;
  isLeader: boolean;
  skills: { code: string; proficiency: number }[];
  hireDate: string;
  contractHoursPerWeek: number;
}

/**
 * 8 teams of 15; teams 1–5 answer policy calls (some also complaints), 6–7 complaints and policy,
 * team 8 the enterprise line and policy. The first member of each team is its leader.
 */
export function demoAgents(rng: () => number): DemoAgent[] {
  const agents: DemoAgent[] = [];
  for (let team = 1; team <= DEMO_TEAM_COUNT; team++) {
    for (let k = 0; k < DEMO_TEAM_SIZE; k++) {
      const prof = () => 2 + Math.floor(rng() * 4);
      let skills: DemoAgent['skills'];
      if (team <= 5)
        skills =
          rng() < 0.3
            ? [
                { code: 'policy', proficiency: prof() },
                { code: 'complaint', proficiency: prof() - 1 },
              ]
            : [{ code: 'policy', proficiency: prof() }];
      else if (team <= 7)
        skills = [
          { code: 'complaint', proficiency: prof() },
          { code: 'policy', proficiency: prof() - 1 },
        ];
      else
        skills = [
          { code: 'enterprise', proficiency: prof() },
          { code: 'policy', proficiency: prof() - 1 },
        ];
      const years = Math.floor(rng() * 8);
      const month = 1 + Math.floor(rng() * 12);
      agents.push({
        employeeNo: String(10000 + team * 100 + k + 1),
        name: demoName(rng),
        team,
        isLeader: k === 0,
        skills: skills.map((s) => ({ ...s, proficiency: Math.max(1, Math.min(5, s.proficiency)) })),
        hireDate: `${2018 + years}-${String(month).padStart(2, '0')}-01`,
        contractHoursPerWeek: rng() < 0.1 ? 30 : 40,
      });
    }
  }
  return agents;
}

/** One demo login per role; the agent, team lead and unit handler are linked to a demo agent / unit. */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; link?: 'agent' | 'leader' | 'unit' }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'manager', displayName: '中心主管', roles: ['manager'] },
  { username: 'planner', displayName: '排班师', roles: ['planner'] },
  { username: 'lead', displayName: '班长', roles: ['team_lead'], link: 'leader' },
  { username: 'agent', displayName: '话务员', roles: ['agent'], link: 'agent' },
  { username: 'qa', displayName: '质检员', roles: ['qa'] },
  { username: 'qalead', displayName: '质检组长', roles: ['qa'] },
  { username: 'trainer', displayName: '培训师', roles: ['trainer'] },
  { username: 'unit', displayName: '承办单位', roles: ['unit_handler'], link: 'unit' },
];

/** The demo password, printed at start; a demo database is for trying the product, not for real data. */
export const DEMO_PASSWORD = 'zuoxi-demo';
