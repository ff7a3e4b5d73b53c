import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { Chart, type ChartOption } from '../../components/chart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber, formatPercent } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { deviationSeries, reliability, type TrendAnswer } from './calibration-view.ts';
import type { CardVersion, QaSample } from './quality-types.ts';
import { RecordingPlayer } from './recording-player.tsx';
import { type Answers, fullMarks } from './score-answers.ts';
import { LiveTotal, ScoreInputs } from './score-form.tsx';

interface SessionRow {
  id: number;
  name: string;
  status: 'open' | 'closed';
  scorecardId: number;
  contacts: number;
  participants: number | null;
  createdAt: string;
  closedAt: string | null;
}
interface Evaluator {
  id: number;
  username: string;
  displayName: string;
}
interface Deviation {
  evaluator: string;
  n: number;
  meanDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  againstExpert: boolean;
}
interface ItemStats {
  item: string;
  label: string;
  level: string;
  alpha: { alpha: number | null; units: number; pairableUnits: number; coders: number; pairable: number };
  agreement: { agreement: number | null; unanimous: number | null; units: number; pairs: number };
  deviations: Deviation[];
}
interface SessionDetail {
  id: number;
  name: string;
  status: 'open' | 'closed';
  scorecardId: number;
  evaluators: number;
  scored: number;
  blind: boolean;
  contacts: { contactKey: string; agentId: number; recordingUrl: string | null; enteredAt: number | null }[];
  myScores?: { contactKey: string; score: number | null; answers: Answers }[];
  expert?: string | null;
  items?: ItemStats[];
}

const RUN_ROLES = ['qa', 'manager'];

function trendOption(trend: TrendAnswer, t: (k: string) => string): ChartOption {
  const series = deviationSeries(trend);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: trend.sessions.map((s) => s.name) },
    yAxis: [
      // Steps of 0.2 from a multiple of 0.2, so 0.8 is a tick and the axis reads evenly below zero too.
      { type: 'value', name: 'α', max: 1, interval: 0.2, min: (v: { min: number }) => Math.min(0, Math.floor(v.min * 5) / 5) },
      { type: 'value', name: t('qaPages.mad') },
    ],
    series: [
      {
        type: 'line',
        name: t('qaPages.trendAlpha'),
        data: trend.sessions.map((s) => s.alpha.alpha),
        lineStyle: { width: 3, color: '#1f5fbf' },
        itemStyle: { color: '#1f5fbf' },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            // Labels inside the plot at its left: at the end they sat on the right axis's numbers.
            { yAxis: 0.8, label: { formatter: 'α 0.800', position: 'insideStartTop' } },
            { yAxis: 0.667, label: { formatter: 'α 0.667', position: 'insideStartBottom' } },
          ],
          lineStyle: { type: 'dotted', color: '#5b6b82' },
        },
      },
      ...series.map((e, i) => ({
        type: 'line' as const,
        name: e.evaluator,
        yAxisIndex: 1,
        data: e.values,
        connectNulls: true,
        lineStyle: {
          width: e.flagged ? 3 : 1,
          type: e.flagged ? ('solid' as const) : ('dashed' as const),
          color: e.flagged ? '#c0392b' : undefined,
        },
        itemStyle: { color: e.flagged ? '#c0392b' : undefined },
        ...(i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                data: [{ yAxis: trend.threshold, label: { position: 'insideEndTop' as const } }],
                lineStyle: { color: '#c0392b', type: 'dashed' as const },
              },
            }
          : {}),
      })),
    ],
  };
}

function StatsTable({ items }: { items: ItemStats[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid="calibration-stats">
      <caption>{t('qaPages.stats')}</caption>
      <thead>
        <tr>
          <th>{t('qa.item')}</th>
          <th>{t('qaPages.level')}</th>
          <th className="num">α</th>
          <th>n</th>
          <th className="num">{t('qa.agreement')}</th>
          <th>n</th>
          <th>{t('qaPages.deviations')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const r = reliability(i.alpha.alpha);
          return (
            <tr key={i.item} className={i.item === 'total' ? 'qa-section-row' : undefined}>
              <td>{i.item === 'total' ? t('qaPages.total') : i.label}</td>
              <td>{t(`qaPages.levels.${i.level}`, { defaultValue: i.level })}</td>
              <td className="num">
                <span className={`qa-level-${r}`} title={t(`qaPages.reliability.${r}`)}>
                  {formatNumber(i.alpha.alpha, 'zh-CN', 3)}
                </span>
                <div className={`qa-level-${r} qa-level-text`}>{t(`qaPages.reliability.${r}`)}</div>
              </td>
              <td className="muted">
                {t('qaPages.alphaN', { pairable: i.alpha.pairable, units: i.alpha.pairableUnits, coders: i.alpha.coders })}
              </td>
              <td className="num">{formatPercent(i.agreement.agreement, 'zh-CN')}</td>
              <td className="muted">{t('qaPages.agreementN', { pairs: i.agreement.pairs })}</td>
              <td>
                {i.deviations.map((d) => (
                  <div key={d.evaluator}>
                    {d.evaluator}: {formatNumber(d.meanDeviation, 'zh-CN', 2)} / {t('qaPages.mad')}{' '}
                    {formatNumber(d.meanAbsoluteDeviation, 'zh-CN', 2)}{' '}
                    <span className="muted">
                      (n = {d.n}, {d.againstExpert ? t('qaPages.vsExpert') : t('qaPages.vsConsensus')})
                    </span>
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function BlindScoring({
  session,
  card,
  onSaved,
  zone,
}: {
  session: SessionDetail;
  card: CardVersion;
  onSaved: () => void;
  zone: string;
}) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [contact, setContact] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<unknown>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const mine = new Map((session.myScores ?? []).map((s) => [s.contactKey, s]));
  const current = session.contacts.find((c) => c.contactKey === contact);
  return (
    <div className="panel">
      <p className="muted">
        {t('qaPages.blindScoring')} · {t('qaPages.scoredN', { n: session.scored })}
      </p>
      <ProblemAlert error={error} />
      <ul className="qa-pick-list">
        {session.contacts.map((c) => (
          <li key={c.contactKey}>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setContact(c.contactKey);
                setAnswers(mine.get(c.contactKey)?.answers ?? fullMarks(card.definition));
              }}
            >
              {t('qaPages.evaluateThis')}
            </button>{' '}
            {c.enteredAt != null ? formatInstant(c.enteredAt, zone) : c.contactKey}{' '}
            {mine.has(c.contactKey) && (
              <span className="badge">
                {t('qaPages.myScore')} {formatNumber(mine.get(c.contactKey)!.score, 'zh-CN', 1)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            api.post(`/qa/calibrations/${session.id}/scores`, { contactKey: current.contactKey, answers }).then(() => {
              setContact('');
              onSaved();
            }, setError);
          }}
        >
          <h3>{current.contactKey}</h3>
          <RecordingPlayer url={current.recordingUrl} audio={audio} />
          <ScoreInputs card={card.definition} answers={answers} onChange={setAnswers} />
          <LiveTotal card={card.definition} answers={answers} />
          <button type="submit" className="button primary">
            {t('qaPages.saveScore')}
          </button>
        </form>
      )}
    </div>
  );
}

function NewSession({ cards, onCreated }: { cards: CardVersion[]; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const samples = useResource<{ items: QaSample[] }>('/qa/samples', { status: 'selected', limit: 100 });
  const evaluators = useResource<{ items: Evaluator[] }>('/qa/evaluators');
  const [name, setName] = useState('');
  const [cardId, setCardId] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [people, setPeople] = useState<number[]>([]);
  const [expert, setExpert] = useState('');
  const [error, setError] = useState<unknown>(null);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const create = () => {
    setError(null);
    const contacts = (samples.data?.items ?? [])
      .filter((s) => picked.includes(s.contactKey))
      .map((s) => ({ contactKey: s.contactKey, agentId: s.agentId }));
    api
      .post<{ id: number }>('/qa/calibrations', {
        name,
        scorecardId: Number(cardId || cards[0]?.id),
        contacts,
        participantUserIds: people.length >= 2 ? people : undefined,
        expertUserId: expert ? Number(expert) : undefined,
      })
      .then((r) => onCreated(r.id), setError);
  };
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h2>{t('qaPages.newSession')}</h2>
      <ProblemAlert error={error} />
      <div className="filters">
        <label>
          {t('qaPages.sessionName')}{' '}
          <input type="text" name="session-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('qa.scorecard')}{' '}
          <select value={cardId} onChange={(e) => setCardId(e.target.value)}>
            {cards.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} v{c.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('qaPages.expert')}{' '}
          <select value={expert} onChange={(e) => setExpert(e.target.value)}>
            <option value="">{t('qaPages.noExpert')}</option>
            {(evaluators.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.username})
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="field">
        <legend>{t('qaPages.participants')}</legend>
        <div className="filters">
          {(evaluators.data?.items ?? []).map((u) => (
            <label key={u.id}>
              <input type="checkbox" checked={people.includes(u.id)} onChange={() => setPeople(toggle(people, u.id))} />{' '}
              {u.displayName}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>
          {t('qaPages.contactsPick')} ({picked.length})
        </legend>
        <ul className="qa-pick-list">
          {(samples.data?.items ?? []).slice(0, 60).map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(s.contactKey)}
                  onChange={() => setPicked(toggle(picked, s.contactKey))}
                />{' '}
                {s.agent} · {s.contactKey}{' '}
                <span className="badge">{t(`qaPages.reasons.${s.reason}`, { defaultValue: s.reason })}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button primary" disabled={!name.trim() || picked.length === 0}>
        {t('qaPages.create')}
      </button>
    </form>
  );
}

/**
 * 校准: sessions where evaluators score the same contacts blind; once closed, per item Krippendorff's α at
 * the item's level with its n, raw agreement, each evaluator's deviation from the expert or consensus; and
 * the trend over sessions with the evaluators whose deviation stays high flagged.
 */
export default function CalibrationPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const runs = user.roles.some((r) => RUN_ROLES.includes(r));
  const sessions = useResource<{ items: SessionRow[] }>('/qa/calibrations');
  const trend = useResource<TrendAnswer>('/qa/calibrations/trend');
  const cards = useResource<{ items: CardVersion[] }>('/qa/scorecards', { all: 'true' });
  const [sessionId, setSessionId] = useState('');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const detail = useResource<SessionDetail>(sessionId ? `/qa/calibrations/${sessionId}` : null);
  const d = detail.data;
  const card = cards.data?.items.find((c) => c.id === d?.scorecardId);
  const latestCards = (cards.data?.items ?? []).filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
  const option = useMemo(
    () => (trend.data && trend.data.sessions.length > 0 ? trendOption(trend.data, t) : null),
    [trend.data, t],
  );
  const close = () => {
    setError(null);
    api.post(`/qa/calibrations/${sessionId}/close`).then(() => {
      detail.reload();
      sessions.reload();
      trend.reload();
    }, setError);
  };
  return (
    <section>
      <PageHeader
        title={t('nav.calibration')}
        description={t('navDesc.calibration')}
        actions={
          runs ? (
            <button type="button" className="button" onClick={() => setCreating(!creating)}>
              {t('qaPages.newSession')}
            </button>
          ) : undefined
        }
      />
      <p className="muted">{t('qaPages.alphaHelp')}</p>
      <ProblemAlert error={error ?? sessions.error ?? detail.error} />
      {creating && (
        <NewSession
          cards={latestCards}
          onCreated={(id) => {
            setCreating(false);
            setSessionId(String(id));
            sessions.reload();
          }}
        />
      )}
      <div className="panel filters">
        <label>
          {t('qaPages.pickSession')}{' '}
          <select name="session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">—</option>
            {(sessions.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {t(`qa.sessionStatus.${s.status}`)} · {s.contacts} · {formatInstant(s.closedAt ?? s.createdAt, zone)}
              </option>
            ))}
          </select>
        </label>
        {d?.status === 'open' && runs && (
          <button type="button" className="button" onClick={close}>
            {t('qaPages.closeSession')}
          </button>
        )}
      </div>
      {d?.blind && card && <BlindScoring session={d} card={card} onSaved={detail.reload} zone={zone} />}
      {d && !d.blind && d.items && (
        <div className="panel">
          <p className="muted">{d.expert ? `${t('qaPages.expert')}: ${d.expert}` : t('qaPages.noExpert')}</p>
          <StatsTable items={d.items} />
        </div>
      )}
      {trend.data && (
        <div className="panel">
          <h2>{t('qaPages.trend')}</h2>
          <p className="muted">
            {t('qaPages.threshold', { threshold: trend.data.threshold, lastK: trend.data.lastK, minN: trend.data.minN })}
          </p>
          {option && <Chart option={option} height={300} />}
          <h3>{t('qaPages.flagged')}</h3>
          {trend.data.flagged.length === 0 ? (
            <p className="muted">{t('qaPages.noFlagged')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('qaPages.evaluatorCol')}</th>
                  <th>{t('qaPages.mad')} (n)</th>
                </tr>
              </thead>
              <tbody>
                {deviationSeries(trend.data)
                  .filter((e) => e.flagged)
                  .map((e) => (
                    <tr key={e.evaluator} className="qa-flagged">
                      <td>{e.evaluator}</td>
                      <td>
                        {e.values.map((v, i) => (v === null ? '—' : `${formatNumber(v, 'zh-CN', 1)} (${e.n[i]})`)).join(' → ')}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
