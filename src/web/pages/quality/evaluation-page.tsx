import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import type { EvaluationDetail } from './quality-types.ts';
import { NotesList, RecordingPlayer } from './recording-player.tsx';
import { type Answer, type Answers, answerPoints, changedAnswers, type ScorecardItem } from './score-answers.ts';
import { ItemBadges, LiveTotal, ScoreInputs } from './score-form.tsx';

const COACH_ROLES = ['qa', 'team_lead', 'trainer'];

function AnswerText({ item, answer }: { item: ScorecardItem; answer: Answer | undefined }) {
  const p = answerPoints(item, answer);
  if (p === 'na') return <span className="muted">N/A</span>;
  if (p === null) return <span className="muted">—</span>;
  return <>{answer && 'option' in answer ? `${answer.option} (${p})` : formatNumber(p, 'zh-CN', 1)}</>;
}

/**
 * 评估详情: one evaluation on the scorecard version it used, with the recording and its timed comments.
 * The evaluated agent acknowledges it or disputes it (申诉) proposing answers per item; a second evaluator
 * (not the one who scored) accepts, partly accepts or rejects; coaching is planned from the failed items.
 */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const ev = useResource<EvaluationDetail>(`/qa/evaluations/${id}`);
  const audio = useRef<HTMLAudioElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [disputing, setDisputing] = useState<Answers | null>(null);
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<'accepted' | 'partly_accepted' | 'rejected'>('accepted');
  const [acceptedItems, setAcceptedItems] = useState<string[]>([]);
  const [decisionNote, setDecisionNote] = useState('');
  const [dueDate, setDueDate] = useState('');
  const e = ev.data;
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await fn();
      setDone(message);
      ev.reload();
    } catch (err) {
      setError(err);
    }
  };
  if (!e)
    return (
      <section>
        <PageHeader title={t('qaPages.evaluation')} />
        <ProblemAlert error={ev.error} />
      </section>
    );

  const card = e.scorecard.card;
  const items = card.sections.flatMap((s) => s.items);
  const label = (itemId: string) => items.find((i) => i.id === itemId)?.label ?? itemId;
  const own = user.roles.includes('agent') && user.agentId === e.agent.id && e.kind !== 'self';
  const open = e.disputes.find((d) => d.status === 'open');
  const last = e.disputes.at(-1);
  const mayDecide = !!open && user.roles.includes('qa') && e.evaluator?.id !== user.id;
  const mayCoach = user.roles.some((r) => COACH_ROLES.includes(r)) && e.failedItems.length > 0 && e.kind !== 'self';
  const proposal = disputing ? changedAnswers(e.answers, disputing) : {};

  return (
    <section>
      <PageHeader
        title={`${t('qaPages.evaluation')} #${e.id} · ${e.agent.employeeNo} ${e.agent.name}`}
        description={`${e.scorecard.name} v${e.scorecard.version} · ${t('qaPages.evaluator')} ${e.evaluator?.name ?? '—'} · ${formatInstant(e.evaluatedAt, zone)}`}
        actions={
          <Link className="button" to="/quality/evaluations">
            {t('qaPages.backToList')}
          </Link>
        }
      />
      <ProblemAlert error={error} />
      {done && (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      )}
      <div className="kpi-grid">
        <div className="panel kpi">
          <div className="kpi-label">{t('qa.score')}</div>
          <div className="kpi-value" data-testid="evaluation-score">
            {formatNumber(e.score, 'zh-CN', 1)}
          </div>
        </div>
        <div className="panel kpi">
          <div className="kpi-label">{t('qa.status')}</div>
          <div className="kpi-value qa-small" data-testid="evaluation-status">
            {t(`qa.statuses.${e.status}`)}
          </div>
        </div>
        <div className="panel kpi">
          <div className="kpi-label">{t('qa.criticalFailed')}</div>
          <div className="kpi-value qa-small">{e.criticalFailed ? t('common.yes') : t('common.no')}</div>
        </div>
        <div className="panel kpi">
          <div className="kpi-label">{t('qaPages.kind')}</div>
          <div className="kpi-value qa-small">{t(`qaPages.kinds.${e.kind}`)}</div>
        </div>
      </div>
      <div className="panel">
        <h2>{t('qaPages.recording')}</h2>
        {e.contact && (
          <p className="muted">
            {e.contact.key} · {formatInstant(e.contact.enteredAt, zone)} · {e.contact.queue} · {e.contact.callerId ?? ''}
          </p>
        )}
        <RecordingPlayer url={e.contact?.recordingUrl} audio={audio} />
        <h3>{t('qaPages.notes')}</h3>
        <NotesList notes={e.notes} audio={audio} itemLabel={label} />
        {e.comment && (
          <p>
            <strong>{t('qa.comment')}:</strong> {e.comment}
          </p>
        )}
      </div>
      <table className="data-table panel">
        <caption>{t('qaPages.items')}</caption>
        <thead>
          <tr>
            <th>{t('qa.item')}</th>
            <th className="num">{t('qaPages.given')}</th>
            <th className="num">{t('qaPages.max')}</th>
            <th>{t('qaPages.result')}</th>
            {last && <th>{t('qaPages.proposed')}</th>}
          </tr>
        </thead>
        <tbody>
          {card.sections.map((s, si) => [
            <tr key={s.id} className="qa-section-row">
              <th colSpan={last ? 5 : 4}>
                {s.label} ×{s.weight} — {e.sections[si]?.score == null ? 'N/A' : formatNumber(e.sections[si]!.score, 'zh-CN', 1)}
              </th>
            </tr>,
            ...s.items.map((i) => (
              <tr key={i.id} className={e.failedItems.includes(i.id) ? 'qa-failed' : undefined}>
                <td>
                  {i.label} <ItemBadges item={i} />
                </td>
                <td className="num">
                  <AnswerText item={i} answer={e.answers[i.id]} />
                </td>
                <td className="num">{i.maxPoints}</td>
                <td>{e.failedItems.includes(i.id) ? <span className="overdue">{t('qaPages.failed')}</span> : ''}</td>
                {last && <td>{last.proposal[i.id] ? <AnswerText item={i} answer={last.proposal[i.id]} /> : ''}</td>}
              </tr>
            )),
          ])}
        </tbody>
      </table>

      {e.disputes.length > 0 && (
        <div className="panel">
          <h2>{t('qa.dispute')}</h2>
          <ul>
            {e.disputes.map((d) => (
              <li key={d.id} data-testid="dispute">
                <span className="badge">{t(`qaPages.disputeStatus.${d.status}`)}</span> {formatInstant(d.raisedAt, zone)} —{' '}
                {d.reason}{' '}
                <span className="muted">
                  {t('qaPages.proposes', { items: Object.keys(d.proposal).map(label).join('、') || '—' })}
                </span>
                {d.decisionNote && (
                  <>
                    {' '}
                    · {t('qaPages.decisionNote')}: {d.decisionNote}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {own && (
        <div className="panel">
          <h2>{t('qaPages.myActions')}</h2>
          {!e.acknowledgedAt && (
            <button
              type="button"
              className="button"
              onClick={() => void act(() => api.post(`/qa/evaluations/${e.id}/acknowledge`), t('qa.acknowledged'))}
            >
              {t('qa.acknowledge')}
            </button>
          )}
          {!open && !disputing && (
            <button type="button" className="button" onClick={() => setDisputing({ ...e.answers })}>
              {t('qa.dispute')}
            </button>
          )}
          {disputing && (
            <form
              onSubmit={(ev2) => {
                ev2.preventDefault();
                void act(async () => {
                  await api.post(`/qa/evaluations/${e.id}/disputes`, { reason, proposal });
                  setDisputing(null);
                }, t('qa.disputed'));
              }}
            >
              <p className="muted">{t('qaPages.disputeHelp')}</p>
              <ScoreInputs
                card={card}
                answers={disputing}
                onChange={setDisputing}
                extra={(i) =>
                  proposal[i.id] ? (
                    <span className="badge">
                      {t('qaPages.was')} <AnswerText item={i} answer={e.answers[i.id]} />
                    </span>
                  ) : null
                }
              />
              <LiveTotal card={card} answers={disputing} label={t('qaPages.proposedTotal')} />
              <label className="field">
                <span>{t('qa.disputeReason')}</span>
                <textarea name="dispute-reason" rows={2} value={reason} onChange={(x) => setReason(x.target.value)} />
              </label>
              <button
                type="submit"
                className="button primary"
                disabled={reason.trim().length < 2 || Object.keys(proposal).length === 0}
              >
                {t('qaPages.sendDispute')}
              </button>{' '}
              <button type="button" className="button" onClick={() => setDisputing(null)}>
                {t('common.cancel')}
              </button>
            </form>
          )}
        </div>
      )}

      {open && mayDecide && (
        <form
          className="panel"
          onSubmit={(x) => {
            x.preventDefault();
            void act(
              () =>
                api.post(`/qa/disputes/${open.id}/decide`, {
                  decision,
                  acceptedItems: decision === 'partly_accepted' ? acceptedItems : [],
                  note: decisionNote || undefined,
                }),
              t('qaPages.decided'),
            );
          }}
        >
          <h2>{t('qaPages.decide')}</h2>
          <p className="muted">{t('qaPages.decideHelp')}</p>
          <div className="filters">
            {(['accepted', 'partly_accepted', 'rejected'] as const).map((d) => (
              <label key={d}>
                <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />{' '}
                {t(`qaPages.disputeStatus.${d}`)}
              </label>
            ))}
          </div>
          {decision === 'partly_accepted' && (
            <div className="filters">
              {Object.keys(open.proposal).map((k) => (
                <label key={k}>
                  <input
                    type="checkbox"
                    checked={acceptedItems.includes(k)}
                    onChange={(x) =>
                      setAcceptedItems(x.target.checked ? [...acceptedItems, k] : acceptedItems.filter((y) => y !== k))
                    }
                  />{' '}
                  {label(k)}
                </label>
              ))}
            </div>
          )}
          <label className="field">
            <span>{t('qaPages.decisionNote')}</span>
            <textarea name="decision-note" rows={2} value={decisionNote} onChange={(x) => setDecisionNote(x.target.value)} />
          </label>
          <button type="submit" className="button primary">
            {t('qaPages.submitDecision')}
          </button>
        </form>
      )}
      {open && !mayDecide && user.roles.includes('qa') && <p className="muted">{t('qaPages.notYourDecision')}</p>}

      {(e.coaching.length > 0 || mayCoach) && (
        <div className="panel">
          <h2>{t('nav.coaching')}</h2>
          <ul>
            {e.coaching.map((c) => (
              <li key={c.id}>
                {c.items.map(label).join('、')} · {t('qaPages.due')} {c.dueDate} ·{' '}
                <span className="badge">{t(`qaPages.coachingStatus.${c.status}`)}</span>
                {c.note ? ` · ${c.note}` : ''}
                {c.followUpEvaluationId && (
                  <>
                    {' '}
                    · <Link to={`/quality/evaluations/${c.followUpEvaluationId}`}>{t('qaPages.followUp')}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
          {mayCoach && (
            <div className="filters">
              <label>
                {t('qaPages.due')} <input type="date" value={dueDate} onChange={(x) => setDueDate(x.target.value)} />
              </label>
              <button
                type="button"
                className="button"
                disabled={!dueDate}
                onClick={() =>
                  void act(() => api.post('/qa/coaching', { evaluationId: e.id, dueDate }), t('qaPages.coachingCreated'))
                }
              >
                {t('qaPages.createCoaching')}
              </button>
              {user.roles.includes('qa') && (
                <Link className="button" to={`/quality/evaluate?agent=${e.agent.id}&followUpOf=${e.id}`}>
                  {t('qaPages.evaluateFollowUp')}
                </Link>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
