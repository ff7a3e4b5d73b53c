import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import type { CardVersion, QaContact, QaSample } from './quality-types.ts';
import { NoteComposer, NotesList, RecordingPlayer, type TimedNote } from './recording-player.tsx';
import { type Answers, clock, fullMarks } from './score-answers.ts';
import { LiveTotal, ScoreInputs } from './score-form.tsx';

/**
 * 质检评估: pick an agent's contact (a drawn sample first), listen to the recording, pin comments to its
 * moments, score the items of the scorecard version with the live total the server will store, submit.
 */
export default function EvaluatePage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  // An agent who is not also an evaluator evaluates themselves (自评): own contacts, POST /qa/evaluations/self.
  const self = !user.roles.includes('qa');
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const agentId = self ? String(user.agentId ?? '') : (params.get('agent') ?? '');
  const contactKey = params.get('contact') ?? '';
  const followUpOf = params.get('followUpOf');
  const agents = useResource<{ items: { id: number; employeeNo: string; name: string }[] }>(self ? null : '/agents', {
    limit: 1000,
    status: 'active',
  });
  const cards = useResource<{ items: CardVersion[] }>('/qa/scorecards');
  const contacts = useResource<{ items: QaContact[] }>(agentId ? '/qa/contacts' : null, { agentId, limit: 50 });
  const samples = useResource<{ items: QaSample[] }>(agentId && !self ? '/qa/samples' : null, {
    agentId,
    status: 'selected',
    limit: 50,
  });
  const [cardId, setCardId] = useState('');
  const card = cards.data?.items.find((c) => String(c.id) === cardId) ?? cards.data?.items[0];
  const [answers, setAnswers] = useState<Answers>({});
  const [notes, setNotes] = useState<TimedNote[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const audio = useRef<HTMLAudioElement>(null);
  // A new card or contact starts from full marks (扣分制: the evaluator deducts).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `contactKey` is the trigger to start afresh
  useEffect(() => {
    if (card) setAnswers(fullMarks(card.definition));
    setNotes([]);
  }, [card, contactKey]);
  const items = useMemo(() => card?.definition.sections.flatMap((s) => s.items) ?? [], [card]);
  const picked = contacts.data?.items.find((c) => c.key === contactKey);
  const pickedSample = samples.data?.items.find((s) => s.contactKey === contactKey);
  const recordingUrl = picked?.recordingUrl ?? pickedSample?.recordingUrl ?? null;
  const pick = (next: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...next }, { replace: true });

  const submit = async () => {
    if (!card) return;
    setError(null);
    try {
      const body = { scorecardId: card.id, contactKey: contactKey || null, answers, notes, comment: comment || undefined };
      const r = self
        ? await api.post<{ id: number }>('/qa/evaluations/self', body)
        : await api.post<{ id: number }>('/qa/evaluations', {
            ...body,
            agentId: Number(agentId),
            followUpOf: followUpOf ? Number(followUpOf) : undefined,
          });
      navigate(`/quality/evaluations/${r.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <PageHeader
        title={self ? t('qaPages.selfEvaluation') : t('nav.evaluate')}
        description={self ? t('qaPages.selfHelp') : t('navDesc.evaluate')}
      />
      <ProblemAlert error={error ?? cards.error ?? contacts.error} />
      <div className="panel filters">
        {!self && (
          <label>
            {t('reports.agent')}{' '}
            <select name="agent" value={agentId} onChange={(e) => pick({ agent: e.target.value, contact: '' })}>
              <option value="">—</option>
              {(agents.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.employeeNo} {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('qa.scorecard')}{' '}
          <select name="scorecard" value={card?.id ?? ''} onChange={(e) => setCardId(e.target.value)}>
            {(cards.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} v{c.version}
              </option>
            ))}
          </select>
        </label>
        {followUpOf && <span className="badge">{t('qaPages.followUpOf', { id: followUpOf })}</span>}
      </div>
      {agentId && !contactKey && (
        <div className="panel">
          <h2>{t('qaPages.pickContact')}</h2>
          {(samples.data?.items.length ?? 0) > 0 && (
            <>
              <h3>{t('qaPages.samplesOfAgent')}</h3>
              <ul className="qa-pick-list">
                {samples.data!.items.map((s) => (
                  <li key={s.id}>
                    <button type="button" className="button small" onClick={() => pick({ contact: s.contactKey })}>
                      {t('qaPages.evaluateThis')}
                    </button>{' '}
                    {s.enteredAt ? formatInstant(s.enteredAt, zone) : s.contactKey}{' '}
                    <span className="badge">{t(`qaPages.reasons.${s.reason}`, { defaultValue: s.reason })}</span>{' '}
                    <span className="muted">{s.plan}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('qaPages.recentContacts')}</h3>
          {contacts.data?.items.length === 0 && <p className="muted">{t('qaPages.noContacts')}</p>}
          <ul className="qa-pick-list">
            {(contacts.data?.items ?? []).map((c) => (
              <li key={c.key}>
                <button type="button" className="button small" data-contact={c.key} onClick={() => pick({ contact: c.key })}>
                  {t('qaPages.evaluateThis')}
                </button>{' '}
                {formatInstant(c.enteredAt, zone)} · {c.queue} · {t('qaPages.handle')} {clock(c.handleSeconds)}
                {c.transferred ? ` · ${t('qaPages.transferred')}` : ''}
                {c.recordingUrl ? ' 🎧' : ''}
                {c.evaluations > 0 && <span className="badge">{t('qaPages.evaluatedTimes', { n: c.evaluations })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {agentId && contactKey && card && (
        <form
          className="qa-evaluate"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="panel">
            <div className="filters">
              <strong>
                {t('qaPages.contact')}: {contactKey}
              </strong>
              {picked && (
                <span className="muted">
                  {formatInstant(picked.enteredAt, zone)} · {picked.queue} · {t('qaPages.handle')} {clock(picked.handleSeconds)}
                </span>
              )}
              <button type="button" className="button small" onClick={() => pick({ contact: '' })}>
                {t('qaPages.otherContact')}
              </button>
            </div>
            <RecordingPlayer url={recordingUrl} audio={audio} />
            <h3>{t('qaPages.notes')}</h3>
            <NoteComposer audio={audio} items={items} onAdd={(n) => setNotes([...notes, n])} />
            <NotesList
              notes={notes}
              audio={audio}
              itemLabel={(id) => items.find((i) => i.id === id)?.label ?? id}
              onRemove={(i) => setNotes(notes.filter((_, k) => k !== i))}
            />
          </div>
          <div className="panel">
            <p className="muted">{t('qaPages.scoringHelp')}</p>
            <ScoreInputs card={card.definition} answers={answers} onChange={setAnswers} />
            <LiveTotal card={card.definition} answers={answers} />
            <label className="field">
              <span>{t('qa.comment')}</span>
              <textarea name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <button type="submit" className="button primary">
              {t('qa.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
