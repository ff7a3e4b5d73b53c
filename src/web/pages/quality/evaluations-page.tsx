import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { queryString } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Evaluation {
  id: number;
  agentId: number;
  agent: string;
  score: number | null;
  criticalFailed: boolean;
  kind: string;
  status: string;
  evaluatedAt: string;
  acknowledged: boolean;
  scorecard: string;
  evaluator: string | null;
  contactKey: string | null;
}
interface OpenDispute {
  id: number;
  evaluationId: number;
  agent: string;
  reason: string;
  raisedAt: string;
  decidableByMe: boolean;
}

const LIMIT = 50;

/** 质检记录: the evaluations the user may see (agents: their own; team leads: their team), open disputes for QA. */
export default function EvaluationsPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const picksAgent = !user.roles.every((r) => r === 'agent');
  const agents = useResource<{ items: { id: number; employeeNo: string; name: string }[] }>(picksAgent ? '/agents' : null, {
    limit: 1000,
  });
  // Filters and the page live in the address, so opening an evaluation and going back returns to the same page.
  const [params, setParams] = useSearchParams();
  const filter = { agentId: params.get('agentId') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const setFilter = (next: typeof filter, o = 0) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    if (o) p.set('offset', String(o));
    setParams(p);
  };
  const query = { agentId: filter.agentId || undefined, from: filter.from || undefined, to: filter.to || undefined };
  const list = useResource<Page<Evaluation>>('/qa/evaluations', { ...query, limit: LIMIT, offset });
  const isQa = user.roles.includes('qa');
  const disputes = useResource<{ items: OpenDispute[] }>(isQa ? '/qa/disputes' : null, { status: 'open' });
  const [error, setError] = useState<unknown>(null);
  const acknowledge = async (id: number) => {
    setError(null);
    try {
      await api.post(`/qa/evaluations/${id}/acknowledge`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const own = (e: Evaluation) => user.roles.includes('agent') && e.agentId === user.agentId;
  return (
    <section>
      <PageHeader
        title={t('nav.evaluations')}
        description={t('navDesc.evaluations')}
        actions={
          isQa ? (
            <Link className="button primary" to="/quality/evaluate">
              {t('qa.newEvaluation')}
            </Link>
          ) : user.roles.includes('agent') ? (
            <Link className="button" to="/quality/evaluate">
              {t('qaPages.selfEvaluation')}
            </Link>
          ) : undefined
        }
      />
      <ProblemAlert error={error ?? list.error} />
      <div className="panel filters">
        {picksAgent && (
          <label>
            {t('reports.agent')}{' '}
            <select value={filter.agentId} onChange={(e) => setFilter({ ...filter, agentId: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {(agents.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.employeeNo} {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('qaPages.from')}{' '}
          <input type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label>
          {t('qaPages.to')} <input type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </label>
      </div>
      {(disputes.data?.items.length ?? 0) > 0 && (
        <div className="panel">
          <h2>{t('qaPages.openDisputes')}</h2>
          <ul>
            {disputes.data!.items.map((d) => (
              <li key={d.id}>
                <Link to={`/quality/evaluations/${d.evaluationId}`}>
                  #{d.evaluationId} {d.agent}
                </Link>{' '}
                — {d.reason} <span className="muted">{formatInstant(d.raisedAt, zone)}</span>
                {d.decidableByMe ? (
                  <span className="badge"> {t('qaPages.decidableByMe')}</span>
                ) : (
                  <span className="muted"> {t('qaPages.notYourDecision')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption={t('nav.evaluations')}
        rows={list.data?.items ?? []}
        rowKey={(e) => e.id}
        loading={list.loading}
        exportName="evaluations"
        toolbar={
          user.roles.includes('agent') ? undefined : (
            <a className="button" href={`/api/v1/qa/evaluations${queryString({ ...query, format: 'xlsx', limit: 5000 })}`}>
              {t('reports.exportXlsx')}
            </a>
          )
        }
        columns={[
          {
            key: 'evaluatedAt',
            header: t('qa.evaluatedAt'),
            value: (e) => e.evaluatedAt,
            render: (e) => <Link to={`/quality/evaluations/${e.id}`}>{formatInstant(e.evaluatedAt, zone)}</Link>,
          },
          { key: 'agent', header: t('reports.agent'), value: (e) => e.agent },
          { key: 'scorecard', header: t('qa.scorecard'), value: (e) => e.scorecard },
          {
            key: 'score',
            header: t('qa.score'),
            numeric: true,
            value: (e) => e.score,
            render: (e) => formatNumber(e.score, 'zh-CN', 1),
          },
          {
            key: 'critical',
            header: t('qa.criticalFailed'),
            value: (e) => (e.criticalFailed ? t('common.yes') : t('common.no')),
          },
          { key: 'kind', header: t('qaPages.kind'), value: (e) => t(`qaPages.kinds.${e.kind}`, { defaultValue: e.kind }) },
          { key: 'status', header: t('qa.status'), value: (e) => t(`qa.statuses.${e.status}`, { defaultValue: e.status }) },
          { key: 'evaluator', header: t('qaPages.evaluator'), value: (e) => e.evaluator ?? '' },
          {
            key: 'actions',
            header: '',
            sortable: false,
            value: () => '',
            render: (e) => (
              <span className="row">
                <Link className="button small" to={`/quality/evaluations/${e.id}`}>
                  {t('qaPages.open')}
                </Link>
                {own(e) && !e.acknowledged && (
                  <button type="button" className="button small" onClick={() => void acknowledge(e.id)}>
                    {t('qa.acknowledge')}
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => setFilter(filter, o)} />}
    </section>
  );
}
