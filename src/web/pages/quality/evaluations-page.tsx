import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Item { id: string; label: string; maxPoints: number; scale?: { label: string; points: number }[]; naAllowed?: boolean; critical?: string | null; bonus?: boolean }
interface Card { id: number; key: string; version: number; name: string; definition: { sections: { id: string; label: string; weight: number; items: Item[] }[] } }
interface Evaluation { id: number; agentId: number; agent: string; score: number | null; criticalFailed: boolean; kind: string; status: string; evaluatedAt: string; acknowledged: boolean; scorecard: string; evaluator: string | null }
type Answer = { points: number } | { option: string } | { na: true };

/** 质检评估: evaluations the user may see; QA scores contacts on a scorecard; agents acknowledge or dispute theirs. */
export default function EvaluationsPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const [tick, setTick] = useState(0);
  const list = useResource<{ items: Evaluation[] }>('/qa/evaluations', { tick });
  const isQa = user.roles.includes('qa');
  const isAgent = user.roles.includes('agent');
  const cards = useResource<{ items: Card[] }>(isQa ? '/qa/scorecards' : null);
  const agents = useResource<{ items: { id: number; employeeNo: string; name: string }[] }>(isQa ? '/agents' : null, { limit: 1000, status: 'active' });
  const [cardId, setCardId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const card = cards.data?.items.find((c) => String(c.id) === cardId) ?? cards.data?.items[0];

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    try {
      await fn();
      if (done) setResult(done);
      setTick((x) => x + 1);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <PageHeader title={t('nav.evaluations')} description={t('navDesc.evaluations')} />
      <ProblemAlert error={error} />
      {result && <div className="alert alert-ok">{result}</div>}
      {isQa && card && (
        <form className="panel" onSubmit={(e) => { e.preventDefault(); void act(async () => {
          const r = await api.post<{ score: number | null }>('/qa/evaluations', { scorecardId: card.id, agentId: Number(agentId), answers, comment: comment || undefined });
          setResult(t('qa.scored', { score: formatNumber(r.score, 'zh-CN', 1) }));
          setAnswers({});
        }); }}>
          <h2>{t('qa.newEvaluation')}</h2>
          <div className="filters">
            <label>{t('qa.scorecard')} <select value={card.id} onChange={(e) => { setCardId(e.target.value); setAnswers({}); }}>
              {(cards.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name} v{c.version}</option>)}</select></label>
            <label>{t('reports.agent')} <select name="agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">—</option>{(agents.data?.items ?? []).map((a) => <option key={a.id} value={a.id}>{a.employeeNo} {a.name}</option>)}</select></label>
          </div>
          {card.definition.sections.map((s) => (
            <fieldset key={s.id} className="qa-section"><legend>{s.label} <span className="muted">×{s.weight}</span></legend>
              {s.items.map((i) => (
                <label key={i.id} className="qa-item">
                  <span>{i.label}{i.critical ? <span className="overdue"> {t(`qa.critical.${i.critical}`)}</span> : null}{i.bonus ? <span className="badge"> {t('qa.bonus')}</span> : null}</span>
                  {i.scale ? (
                    <select value={'option' in (answers[i.id] ?? {}) ? (answers[i.id] as { option: string }).option : ''} onChange={(e) => setAnswers({ ...answers, [i.id]: { option: e.target.value } })}>
                      <option value="">—</option>{i.scale.map((o) => <option key={o.label} value={o.label}>{o.label} ({o.points})</option>)}</select>
                  ) : (
                    <input name={i.id} inputMode="decimal" size={4} value={'points' in (answers[i.id] ?? {}) ? String((answers[i.id] as { points: number }).points) : ''}
                      onChange={(e) => setAnswers({ ...answers, [i.id]: { points: Number(e.target.value) } })} />
                  )}
                  <span className="muted">/ {i.maxPoints}</span>
                  {i.naAllowed && <label><input type="checkbox" checked={'na' in (answers[i.id] ?? {})} onChange={(e) => setAnswers({ ...answers, [i.id]: e.target.checked ? { na: true } : { points: i.maxPoints } })} /> N/A</label>}
                </label>
              ))}
            </fieldset>
          ))}
          <label className="field"><span>{t('qa.comment')}</span><textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} /></label>
          <button type="submit" className="button primary" disabled={!agentId}>{t('qa.submit')}</button>
        </form>
      )}
      <DataTable caption={t('nav.evaluations')} rows={list.data?.items ?? []} rowKey={(e) => e.id} loading={list.loading} exportName="evaluations"
        columns={[
          { key: 'evaluatedAt', header: t('qa.evaluatedAt'), value: (e) => e.evaluatedAt, render: (e) => formatInstant(e.evaluatedAt, zone) },
          { key: 'agent', header: t('reports.agent'), value: (e) => e.agent },
          { key: 'scorecard', header: t('qa.scorecard'), value: (e) => e.scorecard },
          { key: 'score', header: t('qa.score'), numeric: true, value: (e) => e.score, render: (e) => formatNumber(e.score, 'zh-CN', 1) },
          { key: 'critical', header: t('qa.criticalFailed'), value: (e) => (e.criticalFailed ? t('common.yes') : t('common.no')) },
          { key: 'status', header: t('qa.status'), value: (e) => t(`qa.statuses.${e.status}`, { defaultValue: e.status }) },
          { key: 'actions', header: '', sortable: false, value: () => '', render: (e) => (isAgent && e.agentId === user.agentId ? (
            <span className="row">
              {!e.acknowledged && <button type="button" className="button small" onClick={() => void act(() => api.post(`/qa/evaluations/${e.id}/acknowledge`), t('qa.acknowledged'))}>{t('qa.acknowledge')}</button>}
              <button type="button" className="button small" onClick={() => {
                const reason = window.prompt(t('qa.disputeReason'));
                if (reason) void act(() => api.post(`/qa/evaluations/${e.id}/disputes`, { reason, proposal: {} }), t('qa.disputed'));
              }}>{t('qa.dispute')}</button>
            </span>) : null) },
        ]} />
    </section>
  );
}
