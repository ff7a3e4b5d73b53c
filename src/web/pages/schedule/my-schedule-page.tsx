import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { type RequestItem, requestColumns, Violations } from './schedule-parts.tsx';

interface Shift {
  date: string;
  shift: string;
  segments: { start: string; end: string }[];
  breaks: { start: string; end: string; paid: boolean }[];
  payRate: number;
}
interface Colleague {
  agent: string;
  name: string;
  team: string | null;
  shift: string | null;
}
interface Ledger {
  balance: number;
  items: { at: string; delta: number; reason: string; ref: string | null }[];
}
interface Round {
  id: number;
  name: string;
  kind: string;
  status: string;
  targets: { target: string; capacity: number }[];
  bids: { id: number; agent: string; target: string; points: number; status: string; mine: boolean }[];
}

const hm = (iso: string) => iso.slice(11, 16);

/** 我的排班: the agent's published shifts; requests (leave, day off, swaps) and their status; points and bids. */
export default function MySchedulePage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [tick, setTick] = useState(0);
  const mine = useResource<{ items: Shift[] }>('/schedules/mine', { tick });
  const requests = useResource<{ items: RequestItem[] }>('/schedule-requests/mine', { tick });
  const team = useResource<{ items: { agent: string; date: string; shift: string }[] }>('/schedules/team', { tick });
  const teamDates = [...new Set((team.data?.items ?? []).map((x) => x.date))].sort();
  const teamAgents = [...new Set((team.data?.items ?? []).map((x) => x.agent))].sort();
  const teamCell = new Map((team.data?.items ?? []).map((x) => [`${x.agent}|${x.date}`, x.shift.split('·')[0]]));
  const ledger = useResource<Ledger>('/schedule-points/mine', { tick });
  const rounds = useResource<{ items: Round[] }>('/bid-rounds', { tick });
  const [kind, setKind] = useState<'swap' | 'leave' | 'day_off'>('swap');
  const [date, setDate] = useState('');
  const [withAgent, setWithAgent] = useState('');
  const [withDate, setWithDate] = useState('');
  const [note, setNote] = useState('');
  const colleagues = useResource<{ items: Colleague[] }>(kind === 'swap' && date ? '/schedule-requests/colleagues' : null, {
    date,
  });
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ eligible: boolean; violations: { agent: string; rule: string; detail: string }[] } | null>(
    null,
  );
  const [bid, setBid] = useState<Record<number, { target: string; points: string }>>({});
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setTick((x) => x + 1);
    } catch (err) {
      setError(err);
    }
  };
  const submit = () =>
    run(async () => {
      setSent(null);
      const r = await api.post<{ check: typeof sent }>('/schedule-requests', {
        kind,
        date,
        ...(kind === 'swap' ? { withAgent, ...(withDate ? { withDate } : {}) } : {}),
        ...(note ? { note } : {}),
      });
      setSent(r.check);
    });
  return (
    <section>
      <PageHeader title={t('nav.mySchedule')} description={t('navDesc.mySchedule')} />
      <ProblemAlert error={mine.error ?? error} />
      <DataTable
        caption={t('nav.mySchedule')}
        rows={mine.data?.items ?? []}
        rowKey={(s) => s.date}
        loading={mine.loading}
        exportName="my-schedule"
        columns={[
          { key: 'date', header: t('sched.date'), value: (s) => s.date },
          { key: 'shift', header: t('sched.shift'), value: (s) => s.shift },
          { key: 'time', header: t('sched.time'), value: (s) => s.segments.map((g) => `${hm(g.start)}–${hm(g.end)}`).join('，') },
          {
            key: 'breaks',
            header: t('sched.breaks'),
            value: (s) => s.breaks.map((b) => `${hm(b.start)}–${hm(b.end)}`).join('，'),
          },
          {
            key: 'pay',
            header: t('sched.payRate'),
            numeric: true,
            value: (s) => s.payRate,
            render: (s) => (s.payRate > 1 ? `${s.payRate * 100}%` : ''),
          },
        ]}
      />

      {teamAgents.length > 0 && (
        <div className="panel table-scroll">
          <table className="data-table schedule-grid" aria-label={t('sched.team')}>
            <caption>{t('sched.team')}</caption>
            <thead>
              <tr>
                <th>{t('reports.agent')}</th>
                {teamDates.map((x) => (
                  <th key={x}>{x.slice(5)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {teamAgents.map((a) => (
                <tr key={a}>
                  <td>{a}</td>
                  {teamDates.map((x) => {
                    const c = teamCell.get(`${a}|${x}`);
                    return (
                      <td key={x} className={c ? `shift shift-${c}` : 'muted'}>
                        {c ?? t('sched.rest')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('schedReq.newRequest')}</h2>
      <form
        className="panel filters"
        data-testid="request-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('schedReq.kindLabel')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {(['swap', 'leave', 'day_off'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`schedReq.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sched.date')} <input name="date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        {kind === 'swap' && (
          <>
            <label>
              {t('schedReq.colleague')}{' '}
              <select name="withAgent" required value={withAgent} onChange={(e) => setWithAgent(e.target.value)}>
                <option value="" />
                {(colleagues.data?.items ?? []).map((c) => (
                  <option key={c.agent} value={c.agent}>
                    {c.agent} {c.name}（{c.shift ? c.shift.split('·')[0] : t('sched.rest')}）
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('schedReq.withDate')}{' '}
              <input name="withDate" type="date" value={withDate} onChange={(e) => setWithDate(e.target.value)} />
            </label>
          </>
        )}
        <label>
          {t('schedReq.note')} <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button primary">
          {t('schedReq.submit')}
        </button>
        {sent && (
          <span data-testid="request-check">
            <Violations check={sent} />
          </span>
        )}
      </form>
      <DataTable
        caption={t('schedReq.myRequests')}
        rows={requests.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={requests.loading}
        columns={[...requestColumns(t), { key: 'reason', header: t('schedReq.reason'), value: (r) => r.reason ?? '' }]}
      />

      <h2>{t('schedReq.points')}</h2>
      <div className="panel kpi">
        <div className="kpi-label">{t('schedReq.balance')}</div>
        <div className="kpi-value num" data-testid="points-balance">
          {ledger.data?.balance ?? '–'}
        </div>
      </div>
      <DataTable
        caption={t('schedReq.ledger')}
        rows={ledger.data?.items ?? []}
        rowKey={(r) => `${r.at}|${r.ref}|${r.reason}`}
        loading={ledger.loading}
        columns={[
          { key: 'at', header: t('schedReq.at'), value: (r) => r.at.slice(0, 16).replace('T', ' ') },
          { key: 'delta', header: t('schedReq.delta'), numeric: true, value: (r) => r.delta },
          { key: 'reason', header: t('schedReq.reason'), value: (r) => r.reason },
        ]}
      />

      <h2>{t('schedReq.bids')}</h2>
      {(rounds.data?.items ?? []).map((r) => (
        <div key={r.id} className="panel" data-testid={`round-${r.id}`}>
          <strong>{r.name}</strong>（{t(`schedReq.roundKind.${r.kind}`)}，{t(`schedReq.roundStatus.${r.status}`)}）
          <ul>
            {r.bids.map((b) => (
              <li key={b.id}>
                {b.agent} · {b.target} · {b.points} {t('schedReq.pointsUnit')} · {t(`schedReq.bidStatus.${b.status}`)}
              </li>
            ))}
          </ul>
          {r.status === 'open' && (
            <form
              className="filters"
              onSubmit={(e) => {
                e.preventDefault();
                const b = bid[r.id];
                void run(() =>
                  api.post(`/bid-rounds/${r.id}/bids`, {
                    target: b?.target || r.targets[0]?.target,
                    points: Number(b?.points ?? 0),
                  }),
                );
              }}
            >
              <label>
                {t('schedReq.target')}{' '}
                <select
                  value={bid[r.id]?.target ?? r.targets[0]?.target ?? ''}
                  onChange={(e) => setBid({ ...bid, [r.id]: { points: bid[r.id]?.points ?? '0', target: e.target.value } })}
                >
                  {r.targets.map((x) => (
                    <option key={x.target} value={x.target}>
                      {x.target}（{t('schedReq.capacity', { n: x.capacity })}）
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('schedReq.pointsUnit')}{' '}
                <input
                  type="number"
                  min={0}
                  value={bid[r.id]?.points ?? '0'}
                  onChange={(e) =>
                    setBid({
                      ...bid,
                      [r.id]: { target: bid[r.id]?.target ?? r.targets[0]?.target ?? '', points: e.target.value },
                    })
                  }
                />
              </label>
              <button type="submit" className="button">
                {t('schedReq.bid')}
              </button>
            </form>
          )}
        </div>
      ))}
    </section>
  );
}
