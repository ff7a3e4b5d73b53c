import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { type RequestItem, requestColumns, Violations, violationsOf } from './schedule-parts.tsx';

interface Points {
  rules: { code: string; name: string; points: number }[];
  items: { agent: string; name: string; hireDate: string | null; balance: number }[];
}
interface Round {
  id: number;
  name: string;
  kind: string;
  status: string;
  targets: { target: string; capacity: number }[];
  bids: {
    id: number;
    agent: string;
    hireDate: string | null;
    target: string;
    points: number;
    status: string;
    createdAt: string;
  }[];
}

/** 排班申请与竞投: the planner approves or rejects requests (with the broken rules shown), credits points, runs bid rounds. */
export default function ScheduleRequestsPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [tick, setTick] = useState(0);
  const requests = useResource<{ items: RequestItem[] }>('/schedule-requests', { tick });
  const points = useResource<Points>('/schedule-points', { tick });
  const rounds = useResource<{ items: Round[] }>('/bid-rounds', { tick });
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [credit, setCredit] = useState({ agents: '', rule: '' });
  const [round, setRound] = useState({ name: '', kind: 'holiday_rest', targets: '' });
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setTick((x) => x + 1);
    } catch (err) {
      setError(err);
    }
  };
  const refused = violationsOf(error);
  return (
    <section>
      <PageHeader title={t('nav.scheduleRequests')} description={t('navDesc.scheduleRequests')} />
      {refused ? (
        <div className="alert alert-error" role="alert">
          {t('schedReq.refused')}
          <Violations check={refused} />
        </div>
      ) : (
        <ProblemAlert error={error ?? requests.error} />
      )}
      <DataTable
        caption={t('schedReq.requests')}
        rows={requests.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={requests.loading}
        columns={[
          ...requestColumns(t),
          {
            key: 'decide',
            header: t('schedReq.decide'),
            value: (r) => r.reason ?? '',
            render: (r) =>
              r.status !== 'pending' ? (
                (r.reason ?? '')
              ) : (
                <span className="filters" data-testid={`decide-${r.id}`}>
                  <input
                    aria-label={t('schedReq.reason')}
                    placeholder={t('schedReq.reason')}
                    value={reasons[r.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="button primary"
                    disabled={r.check?.eligible === false}
                    title={r.check?.eligible === false ? t('schedReq.refused') : undefined}
                    onClick={() =>
                      void run(() =>
                        api.post(`/schedule-requests/${r.id}/decision`, {
                          approve: true,
                          ...(reasons[r.id] ? { reason: reasons[r.id] } : {}),
                        }),
                      )
                    }
                  >
                    {t('schedReq.approve')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void run(() =>
                        api.post(`/schedule-requests/${r.id}/decision`, {
                          approve: false,
                          ...(reasons[r.id] ? { reason: reasons[r.id] } : {}),
                        }),
                      )
                    }
                  >
                    {t('schedReq.reject')}
                  </button>
                </span>
              ),
          },
        ]}
      />

      <h2>{t('schedReq.points')}</h2>
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            api.post('/schedule-points', {
              agents: credit.agents.split(/[\s,，;]+/).filter(Boolean),
              rule: credit.rule || points.data?.rules[0]?.code,
            }),
          );
        }}
      >
        <label>
          {t('schedReq.creditAgents')}{' '}
          <input
            value={credit.agents}
            onChange={(e) => setCredit({ ...credit, agents: e.target.value })}
            placeholder="1001, 1002"
          />
        </label>
        <label>
          {t('schedReq.rule.label')}{' '}
          <select value={credit.rule} onChange={(e) => setCredit({ ...credit, rule: e.target.value })}>
            {(points.data?.rules ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}（+{r.points}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('schedReq.credit')}
        </button>
      </form>
      <DataTable
        caption={t('schedReq.balances')}
        rows={points.data?.items ?? []}
        rowKey={(r) => r.agent}
        loading={points.loading}
        exportName="schedule-points"
        columns={[
          { key: 'agent', header: t('reports.agent'), value: (r) => `${r.agent} ${r.name}` },
          { key: 'hire', header: t('schedReq.hireDate'), value: (r) => r.hireDate ?? '' },
          { key: 'balance', header: t('schedReq.balance'), numeric: true, value: (r) => r.balance },
        ]}
      />

      <h2>{t('schedReq.bids')}</h2>
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          const targets = round.targets
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => {
              const [target = '', cap] = l.split(/[×x*]/);
              return { target: target.trim(), capacity: Number(cap ?? 1) || 1 };
            });
          void run(() => api.post('/bid-rounds', { name: round.name, kind: round.kind, targets }));
        }}
      >
        <label>
          {t('schedReq.roundName')}{' '}
          <input required value={round.name} onChange={(e) => setRound({ ...round, name: e.target.value })} />
        </label>
        <label>
          {t('schedReq.kindLabel')}{' '}
          <select value={round.kind} onChange={(e) => setRound({ ...round, kind: e.target.value })}>
            <option value="holiday_rest">{t('schedReq.roundKind.holiday_rest')}</option>
            <option value="preferred_shift">{t('schedReq.roundKind.preferred_shift')}</option>
          </select>
        </label>
        <label>
          {t('schedReq.targets')}{' '}
          <textarea
            rows={3}
            required
            value={round.targets}
            onChange={(e) => setRound({ ...round, targets: e.target.value })}
            placeholder={'2027-01-01×3\n2027-01-02×2'}
          />
        </label>
        <button type="submit" className="button">
          {t('schedReq.openRound')}
        </button>
      </form>
      {(rounds.data?.items ?? []).map((r) => (
        <div key={r.id} className="panel">
          <strong>{r.name}</strong>（{t(`schedReq.roundKind.${r.kind}`)}，{t(`schedReq.roundStatus.${r.status}`)}）
          {r.targets.map((x) => `${x.target}×${x.capacity}`).join('，')}
          {r.status === 'open' && (
            <button type="button" className="button" onClick={() => void run(() => api.post(`/bid-rounds/${r.id}/award`))}>
              {t('schedReq.award')}
            </button>
          )}
          {r.status === 'awarded' && (
            <button
              type="button"
              className="button primary"
              onClick={() => void run(() => api.post(`/bid-rounds/${r.id}/publish`))}
            >
              {t('schedReq.publishRound')}
            </button>
          )}
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('reports.agent')}</th>
                <th>{t('schedReq.target')}</th>
                <th>{t('schedReq.pointsUnit')}</th>
                <th>{t('schedReq.hireDate')}</th>
                <th>{t('schedReq.at')}</th>
                <th>{t('schedReq.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {r.bids.map((b) => (
                <tr key={b.id}>
                  <td>{b.agent}</td>
                  <td>{b.target}</td>
                  <td className="num">{b.points}</td>
                  <td>{b.hireDate ?? ''}</td>
                  <td>{b.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{t(`schedReq.bidStatus.${b.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
