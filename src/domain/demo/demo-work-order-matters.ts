import type { AnswerBasis, Category } from '../work-orders/types.ts';

/**
 * What the demo hotline's callers ask for: the matters a 12345 line hears every day, each with the unit that
 * handles it, what the order says and what the unit replies; and the consultations agents answer on the spot
 * with their basis. Places are made up (districts, estates, roads of no real city).
 */
export const DEMO_DISTRICTS = ['东湖区', '西山区', '南城区', '北塘区', '高新区', '滨江区', '经开区'];

/** Estates and roads of at least four characters, so a title naming one names the place (validate.ts). */
export const DEMO_ESTATES = [
  '幸福小区',
  '阳光花园',
  '锦绣家园',
  '金桥新村',
  '翠湖苑小区',
  '和平里社区',
  '春晖园小区',
  '梧桐苑小区',
  '枫林湾小区',
  '东方花园',
  '书香门第小区',
  '紫荆花园',
  '滨河湾小区',
  '丽景新城',
  '月湖小区',
  '星河湾小区',
  '龙腾苑小区',
  '桂花苑小区',
  '文化街社区',
  '新华里小区',
];
export const DEMO_ROADS = ['人民东路', '解放大道', '建设北路', '滨江大道', '中山南路', '学府路口', '火车站广场', '长江西路'];

export interface DemoMatter {
  /** Handling unit code (DEMO_HANDLING_UNITS). */
  unit: string;
  category: Exclude<Category, 'consultation'> | 'consultation';
  /** Where it happens: an estate or a road. */
  at: 'estate' | 'road';
  /** The title's summary after the place (at least four characters). */
  summary: string;
  what: string;
  demand: string;
  reply: string;
  /** Share of these orders that are 急件. */
  urgent?: number;
  /** A second unit that shares the work on some orders (multi-unit dispatch). */
  alsoUnit?: string;
  /** Relative frequency. */
  weight: number;
}

export const DEMO_MATTERS: readonly DemoMatter[] = [
  // 人社局
  {
    unit: 'HU-RSJ',
    category: 'help',
    at: 'estate',
    summary: '在建工地拖欠农民工工资',
    what: '所在施工队被拖欠三个月工资约四万元，多次讨要未果',
    demand: '请求协调尽快支付拖欠工资',
    reply: '已约谈施工总包单位，承诺本月25日前结清所欠工资，我局跟踪督办',
    weight: 9,
  },
  {
    unit: 'HU-RSJ',
    category: 'complaint',
    at: 'estate',
    summary: '公司未依法缴纳社保',
    what: '入职一年公司一直未为其缴纳社会保险',
    demand: '要求依法补缴社会保险',
    reply: '已责令该公司限期补缴社会保险费，逾期将依法处理',
    weight: 6,
  },
  {
    unit: 'HU-RSJ',
    category: 'help',
    at: 'estate',
    summary: '失业保险金申领受阻',
    what: '网上申领失业保险金两次被退回，原因不明',
    demand: '请求说明原因并协助办理',
    reply: '经核实系离职证明信息不全，已电话指导补正，申领已受理',
    weight: 5,
  },
  {
    unit: 'HU-RSJ',
    category: 'consultation',
    at: 'estate',
    summary: '灵活就业社保补缴咨询',
    what: '灵活就业人员断缴半年能否补缴',
    demand: '请告知补缴办法',
    reply: '已电话告知：灵活就业人员可在当年度内补缴，逾期不予补缴',
    weight: 3,
  },
  // 住建局
  {
    unit: 'HU-ZJJ',
    category: 'complaint',
    at: 'estate',
    summary: '工地夜间施工噪音扰民',
    what: '附近工地每晚22点后仍在施工，噪音很大影响休息',
    demand: '要求停止夜间违规施工',
    reply: '已责令施工单位22点后停止产生噪音的作业，并纳入夜间巡查',
    weight: 10,
    alsoUnit: 'HU-HBJ',
  },
  {
    unit: 'HU-ZJJ',
    category: 'complaint',
    at: 'estate',
    summary: '电梯长期故障物业不修',
    what: '3号楼电梯故障已两周，物业一直未修',
    demand: '要求尽快维修电梯',
    reply: '已督促物业联系维保单位，电梯已修复运行',
    weight: 8,
  },
  {
    unit: 'HU-ZJJ',
    category: 'help',
    at: 'estate',
    summary: '顶楼房屋漏水无人维修',
    what: '连续下雨顶楼卧室漏水，物业称需业主自行维修',
    demand: '请求协调使用维修资金维修',
    reply: '已协调物业申请使用维修资金，防水工程本周施工',
    weight: 6,
  },
  {
    unit: 'HU-ZJJ',
    category: 'suggestion',
    at: 'estate',
    summary: '增设电动车集中充电设施',
    what: '小区电动车多充电难，存在飞线充电隐患',
    demand: '建议增设集中充电设施',
    reply: '已转街道及物业研究，列入明年老旧小区改造计划',
    weight: 5,
  },
  {
    unit: 'HU-ZJJ',
    category: 'report',
    at: 'estate',
    summary: '一楼住户占用绿地违法搭建',
    what: '一楼住户在公共绿地私自搭建彩钢房',
    demand: '请依法查处',
    reply: '经现场核查属实，已下达限期拆除通知书',
    weight: 4,
  },
  // 市场监管局
  {
    unit: 'HU-SCJ',
    category: 'complaint',
    at: 'estate',
    summary: '健身房关门预付卡无法退费',
    what: '办理年卡后商家突然关门，剩余费用无法退还',
    demand: '要求退还剩余预付费用',
    reply: '已立案调查并组织消费者登记，督促经营者退费',
    weight: 7,
  },
  {
    unit: 'HU-SCJ',
    category: 'report',
    at: 'estate',
    summary: '超市销售过期食品',
    what: '超市货架上有过期酸奶仍在出售',
    demand: '请依法查处',
    reply: '执法人员现场检查，已下架过期食品并立案查处',
    weight: 4,
  },
  {
    unit: 'HU-SCJ',
    category: 'complaint',
    at: 'road',
    summary: '商户标价与结算价不符',
    what: '购物时结算价格高于货架标价',
    demand: '要求退还差价并处理商家',
    reply: '已责令商家退还差价，并对其价格违法行为立案',
    weight: 4,
  },
  // 交通运输局
  {
    unit: 'HU-JTJ',
    category: 'suggestion',
    at: 'road',
    summary: '早高峰公交班次加密',
    what: '早高峰公交车过于拥挤，常常等两三班才能上车',
    demand: '建议增开早高峰班次',
    reply: '已转公交集团研究，拟于下月起早高峰加密班次',
    weight: 4,
  },
  {
    unit: 'HU-JTJ',
    category: 'complaint',
    at: 'road',
    summary: '出租车司机拒载',
    what: '晚上打车，出租车司机以交班为由拒载',
    demand: '要求处理该驾驶员',
    reply: '已根据车牌号查实，对驾驶员作出处罚',
    weight: 4,
  },
  {
    unit: 'HU-JTJ',
    category: 'help',
    at: 'road',
    summary: '路面坑洼影响通行',
    what: '路面多处坑洼，电动车经过容易摔倒',
    demand: '请求尽快修补路面',
    reply: '已安排养护单位完成路面修补',
    weight: 4,
  },
  // 水务集团
  {
    unit: 'HU-SWJ',
    category: 'help',
    at: 'estate',
    summary: '主水管爆裂大量漏水',
    what: '小区主水管爆裂，路面大量积水，多栋楼停水',
    demand: '请求尽快抢修',
    reply: '抢修人员已到场关阀抢修，当日恢复供水',
    weight: 4,
    urgent: 0.6,
  },
  {
    unit: 'HU-SWJ',
    category: 'complaint',
    at: 'estate',
    summary: '停水未提前通知',
    what: '突然停水一整天，事先没有任何通知',
    demand: '要求说明原因并今后提前公告',
    reply: '系管网抢修临时停水，已向居民说明，今后提前公告',
    weight: 5,
  },
  {
    unit: 'HU-SWJ',
    category: 'consultation',
    at: 'estate',
    summary: '阶梯水价计费咨询',
    what: '一户多人口家庭如何申请调整阶梯水量',
    demand: '请告知办理方式',
    reply: '已电话告知：携户口簿到营业厅申请，按人口核增阶梯水量',
    weight: 2,
  },
  {
    unit: 'HU-SWJ',
    category: 'help',
    at: 'estate',
    summary: '自来水浑浊发黄',
    what: '早上放水发黄有异味',
    demand: '请求检测水质',
    reply: '已现场检测水质合格，系管网冲洗所致，已冲洗恢复',
    weight: 4,
  },
  // 公安110联动
  {
    unit: 'HU-GAJ',
    category: 'report',
    at: 'road',
    summary: '深夜烧烤摊噪音扰民',
    what: '烧烤摊营业到凌晨，食客喧哗',
    demand: '请依法处理',
    reply: '已联合城管夜间巡查，责令烧烤摊按时收摊',
    weight: 4,
  },
  {
    unit: 'HU-GAJ',
    category: 'complaint',
    at: 'estate',
    summary: '车辆长期占用消防通道',
    what: '多辆私家车长期停在消防通道',
    demand: '要求清理违停车辆',
    reply: '已对违停车辆依法处理，并协调物业加装隔离桩',
    weight: 5,
  },
  {
    unit: 'HU-GAJ',
    category: 'help',
    at: 'road',
    summary: '老人走失请求协助寻找',
    what: '家中八旬老人早上外出至今未归，有认知障碍',
    demand: '请求协助寻找',
    reply: '经巡逻民警协助，老人已找到并送回家中',
    weight: 2,
    urgent: 0.8,
  },
  // 生态环境局
  {
    unit: 'HU-HBJ',
    category: 'complaint',
    at: 'estate',
    summary: '餐馆油烟直排扰民',
    what: '楼下餐馆油烟直排，窗户不能打开',
    demand: '要求餐馆安装油烟净化设施',
    reply: '已责令该餐馆限期安装油烟净化设施',
    weight: 6,
    alsoUnit: 'HU-SCJ',
  },
  {
    unit: 'HU-HBJ',
    category: 'report',
    at: 'road',
    summary: '工厂夜间偷排废气',
    what: '附近工厂夜间排放刺鼻气体',
    demand: '请依法查处',
    reply: '执法人员夜查，已对该企业立案处罚',
    weight: 3,
  },
  // 供电公司
  {
    unit: 'HU-DLG',
    category: 'help',
    at: 'estate',
    summary: '整栋楼突然停电',
    what: '整栋楼停电已两小时，家中有卧床老人',
    demand: '请求尽快恢复供电',
    reply: '抢修人员已到场修复故障线路，恢复供电',
    weight: 4,
    urgent: 0.5,
  },
  {
    unit: 'HU-DLG',
    category: 'complaint',
    at: 'estate',
    summary: '电费异常偏高',
    what: '本月电费比往月高出一倍，用电习惯未变',
    demand: '要求核查电表',
    reply: '已现场校验电表，计量准确，已向用户解释用电情况',
    weight: 4,
  },
  {
    unit: 'HU-DLG',
    category: 'suggestion',
    at: 'estate',
    summary: '老旧小区线路改造',
    what: '小区线路老化，夏季经常跳闸',
    demand: '建议对小区线路进行改造',
    reply: '已纳入明年配网改造计划',
    weight: 2,
  },
];

/** Consultations answered on the spot (直接答复), with the answer and its basis; the knowledge lookup finds them. */
export const DEMO_ANSWERS: readonly { topic: string; answer: string; basis: AnswerBasis }[] = [
  {
    topic: '社保卡补办流程',
    answer: '携带身份证到任一社保经办网点，或在"掌上社保"申请补办，新卡7个工作日内寄达',
    basis: { kind: 'policy', reference: '《社会保障卡管理办法》第十二条' },
  },
  {
    topic: '公积金提取条件',
    answer: '购房、租房、离退休等情形可申请提取；租房提取每年一次，需提供租赁备案',
    basis: { kind: 'law', reference: '《住房公积金管理条例》第二十四条' },
  },
  {
    topic: '居住证办理材料',
    answer: '身份证、居住登记及合法稳定住所、就业或就读证明之一，到社区警务室办理',
    basis: { kind: 'law', reference: '《居住证暂行条例》第九条' },
  },
  {
    topic: '新生儿医保参保',
    answer: '出生后3个月内在户籍地社区或线上参保，自出生之日起享受医保待遇',
    basis: { kind: 'knowledge', reference: '知识库 KB-0321 新生儿参保' },
  },
  {
    topic: '个税专项附加扣除',
    answer: '在个人所得税APP填报子女教育、住房贷款利息等扣除项目，次月起预扣时扣除',
    basis: { kind: 'policy', reference: '国发〔2022〕8号' },
  },
  {
    topic: '营业执照网上办理',
    answer: '登录政务服务网"企业开办一网通办"，材料齐全一个工作日内办结',
    basis: { kind: 'knowledge', reference: '知识库 KB-0107 企业开办' },
  },
  {
    topic: '小微企业税费减免',
    answer: '小型微利企业年应纳税所得额不超过300万元的部分，减按25%计入应纳税所得额',
    basis: { kind: 'policy', reference: '财政部 税务总局公告2023年第12号' },
  },
  {
    topic: '不动产登记预约',
    answer: '通过不动产登记中心公众号预约，携带身份证和权属材料按时到窗口办理',
    basis: { kind: 'knowledge', reference: '知识库 KB-0210 不动产登记' },
  },
  {
    topic: '失业保险金申领条件',
    answer: '非本人意愿中断就业、缴费满一年并已办理失业登记的，可申领失业保险金',
    basis: { kind: 'law', reference: '《失业保险条例》第十四条' },
  },
  {
    topic: '老年人乘车优惠',
    answer: '65周岁以上老人凭老年卡免费乘坐市内公交，60至64周岁半价',
    basis: { kind: 'policy', reference: '本市老年人优待办法第六条' },
  },
];

/** When it happened, as callers say it. */
export const DEMO_WHEN = ['近一周每晚', '今天上午', '本月以来', '昨天下午', '近两个月', '今天凌晨', '上周末', '近三天'];

/** Why a unit returns an order (退单): not its matter. */
export const returnReason = (rightUnitName: string) => `非我单位职责范围，建议转${rightUnitName}办理`;
