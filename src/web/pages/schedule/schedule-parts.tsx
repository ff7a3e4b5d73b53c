import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import type { Column } from '../../components/column.ts';

export interface ShownViolation {
  agent: string;
  rule: string;
  detail: string;
}
export interface RequestItem {
  id: number;
  kind: string;
  agent: string;
  date: string;
  withAgent: string | null;
  withDate: string | null;
  status: string;
  note: string | null;
  reason: string | null;
  decidedBy: string | null;
  createdAt: string;
  check: { eligible: boolean; violations: ShownViolation[] } | null;
}

/** The labour rules a change would break, each with its agent and detail; or "rules kept". */
export function Violations({ check }: { check: { eligible: boolean; violations: ShownViolation[] } | null }) {
  const { t } = useTranslation();
  if (!check) return null;
  if (check.eligible) return <span className="status-ok">{t('schedReq.rulesKept')}</span>;
  return (
    <ul className="violations" data-testid="violations">
      {check.violations.map((v) => (
        <li key={`${v.agent}|${v.rule}|${v.detail}`}>
          {t(`schedReq.rule.${v.rule}`, { defaultValue: v.rule })}（{v.agent}：{v.detail}）
        </li>
      ))}
    </ul>
  );
}

/** The violations a 409 answer carries (errors: [{ path: rule, message: 'agent: detail' }]), or null. */
export function violationsOf(error: unknown): { eligible: boolean; violations: ShownViolation[] } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.problem.errors?.length) return null;
  return {
    eligible: false,
    violations: error.problem.errors.map((e) => ({
      rule: e.path,
      agent: e.message.split(': ')[0] ?? '',
      detail: e.message.split(': ').slice(1).join(': '),
    })),
  };
}

type T = (key: string) => string;

/** The columns every request table shows: kind, date, agent, colleague, rule check, status, reason. */
export function requestColumns(t: T): Column<RequestItem>[] {
  return [
    { key: 'kind', header: t('schedReq.kindLabel'), value: (r) => t(`schedReq.kind.${r.kind}`) },
    { key: 'date', header: t('sched.date'), value: (r) => r.date },
    { key: 'agent', header: t('reports.agent'), value: (r) => r.agent },
    {
      key: 'with',
      header: t('schedReq.colleague'),
      value: (r) => (r.withAgent ? `${r.withAgent}${r.withDate ? `（${r.withDate}）` : ''}` : ''),
    },
    { key: 'note', header: t('schedReq.note'), value: (r) => r.note ?? '' },
    {
      key: 'check',
      header: t('schedReq.check'),
      value: (r) => (r.check?.eligible ? 1 : 0),
      render: (r) => <Violations check={r.check} />,
    },
    { key: 'status', header: t('schedReq.statusLabel'), value: (r) => t(`schedReq.status.${r.status}`) },
  ];
}
