import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { coachingOrder } from './coaching-order.ts';
import type { CardVersion, Coaching } from './quality-types.ts';

const STATUSES = ['open', 'in_progress', 'done', 'followed_up', 'cancelled'] as const;
const COACH_ROLES = ['qa', 'team_lead', 'trainer'];

/** 辅导: coaching tasks on the failed items of evaluations (agents: their own), those still to do first, with their follow-up. */
export default function CoachingPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const [status, setStatus] = useState('');
  const list = useResource<{ items: Coaching[] }>('/qa/coaching', { status: status || undefined });
  const seesAgents = !user.roles.every((r) => r === 'agent');
  const agents = useResource<{ items: { id: number; employeeNo: string; name: string }[] }>(seesAgents ? '/agents' : null, {
    limit: 1000,
  });
  const cards = useResource<{ items: CardVersion[] }>('/qa/scorecards', { all: 'true' });
  const [error, setError] = useState<unknown>(null);
  const coach = user.roles.some((r) => COACH_ROLES.includes(r));
  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of cards.data?.items ?? [])
      for (const s of c.definition.sections) for (const i of s.items) if (!m.has(i.id)) m.set(i.id, i.label);
    return m;
  }, [cards.data]);
  const agentName = (id: number) => {
    const a = agents.data?.items.find((x) => x.id === id);
    return a ? `${a.employeeNo} ${a.name}` : id === user.agentId ? user.displayName : `#${id}`;
  };
  // Due dates are days on the center's calendar; "today" there decides what is overdue.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: center?.timeZone ?? 'Asia/Shanghai' }).format(new Date());
  const setTaskStatus = (id: number, next: string) => {
    setError(null);
    api.patch(`/qa/coaching/${id}`, { status: next }).then(list.reload, setError);
  };
  return (
    <section>
      <PageHeader title={t('nav.coaching')} description={t('navDesc.coaching')} />
      <ProblemAlert error={error ?? list.error} />
      <div className="panel filters">
        <label>
          {t('qa.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`qaPages.coachingStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {seesAgents && (
          <a className="button" href={`/api/v1/qa/coaching?format=xlsx${status ? `&status=${status}` : ''}`}>
            {t('reports.exportXlsx')}
          </a>
        )}
      </div>
      <DataTable
        caption={t('nav.coaching')}
        rows={[...(list.data?.items ?? [])].sort(coachingOrder)}
        rowKey={(c) => c.id}
        loading={list.loading}
        exportName="coaching"
        columns={[
          {
            key: 'dueDate',
            header: t('qaPages.dueDate'),
            value: (c) => c.dueDate,
            render: (c) => (
              <>
                {c.dueDate}
                {c.dueDate < today && ['open', 'in_progress'].includes(c.status) && (
                  <span className="overdue"> {t('qaPages.overdue')}</span>
                )}
              </>
            ),
          },
          { key: 'agent', header: t('reports.agent'), value: (c) => agentName(c.agentId) },
          { key: 'items', header: t('qaPages.coachingItems'), value: (c) => c.items.map((i) => labels.get(i) ?? i).join('、') },
          { key: 'status', header: t('qa.status'), value: (c) => t(`qaPages.coachingStatus.${c.status}`) },
          { key: 'note', header: t('qa.comment'), value: (c) => c.note ?? '' },
          {
            key: 'evaluation',
            header: t('qaPages.evaluation'),
            value: (c) => c.evaluationId ?? 0,
            render: (c) => (
              <span className="row">
                {c.evaluationId && <Link to={`/quality/evaluations/${c.evaluationId}`}>#{c.evaluationId}</Link>}
                {c.followUpEvaluationId && (
                  <Link to={`/quality/evaluations/${c.followUpEvaluationId}`}>
                    {t('qaPages.followUp')} #{c.followUpEvaluationId}
                  </Link>
                )}
              </span>
            ),
          },
          {
            key: 'actions',
            header: '',
            sortable: false,
            value: () => '',
            render: (c) =>
              coach && !['followed_up', 'cancelled'].includes(c.status) ? (
                <span className="row">
                  <select
                    aria-label={t('qaPages.setStatus')}
                    value=""
                    onChange={(e) => e.target.value && setTaskStatus(c.id, e.target.value)}
                  >
                    <option value="">{t('qaPages.setStatus')}…</option>
                    {STATUSES.filter((s) => s !== c.status && s !== 'followed_up').map((s) => (
                      <option key={s} value={s}>
                        {t(`qaPages.coachingStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                  {user.roles.includes('qa') && c.evaluationId && (
                    <Link className="button small" to={`/quality/evaluate?agent=${c.agentId}&followUpOf=${c.evaluationId}`}>
                      {t('qaPages.evaluateFollowUp')}
                    </Link>
                  )}
                </span>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
