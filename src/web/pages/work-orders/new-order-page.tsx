import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error.ts';
import type { Items } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { BASIS_KINDS, CATEGORY_KEYS, CHANNEL_KEYS, type KnowledgeItem } from './types.ts';

const CONTENT = ['time', 'place', 'what', 'demand'] as const;

/**
 * 工单受理: the agent's fast entry form during a call. Fields in the order an agent asks, the first focused;
 * Ctrl+Enter saves, Alt+K jumps to the knowledge lookup beside the form (answers given to past consultations,
 * with their basis). A consultation answered on the spot is saved and closed with its answer in one step.
 */
export default function NewOrderPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    channel: 'phone',
    category: 'consultation',
    urgent: false,
    location: '',
    title: '',
    callerName: '',
    callerPhone: '',
  });
  const [content, setContent] = useState<Record<string, string>>({});
  // A matter between consultation/suggestion and complaint/help is filed as the stricter one (the server decides).
  const [also, setAlso] = useState<string[]>([]);
  const [answer, setAnswer] = useState({ text: '', kind: 'knowledge', reference: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const lookup = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.problem.errors?.find((e) => e.path === `body.${path}`)?.message : undefined;
  const answering = form.category === 'consultation' && answer.text.trim() !== '';

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const body = {
        ...form,
        alsoCategories: also.filter((c) => c !== form.category),
        callerName: form.callerName || undefined,
        callerPhone: form.callerPhone || undefined,
        content: Object.fromEntries(Object.entries(content).filter(([, v]) => v.trim())),
      };
      const created = await api.post<{ id: number }>('/work-orders', body);
      if (answering) {
        // The order is registered either way; a refused answer is shown on the order page, where it can be given again.
        await api
          .post(`/work-orders/${created.id}/actions`, {
            type: 'answerDirectly',
            answer: answer.text,
            basis: { kind: answer.kind, reference: answer.reference },
          })
          .catch(() => undefined);
      }
      navigate(`/work-orders/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, input: ReactElement) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `input` passed in
    <label className="field">
      <span>{label}</span>
      {input}
      {fieldError(name) && <span className="field-error">{fieldError(name)}</span>}
    </label>
  );

  return (
    <section>
      <PageHeader title={t('wo.new')} description={t('wo.newHint')} />
      <ProblemAlert error={error} />
      <div className="wo-layout">
        <form
          className="panel form-grid"
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
            if (e.altKey && (e.key === 'k' || e.key === 'K')) {
              e.preventDefault();
              lookup.current?.focus();
            }
          }}
        >
          {field(
            'channel',
            t('wo.channel'),
            <select
              ref={first}
              name="channel"
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.target.value })}
            >
              {CHANNEL_KEYS.map((c) => (
                <option key={c} value={c}>
                  {t(`wo.channels.${c}`)}
                </option>
              ))}
            </select>,
          )}
          {field(
            'category',
            t('wo.category'),
            <select name="category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
              {CATEGORY_KEYS.map((c) => (
                <option key={c} value={c}>
                  {t(`wo.categories.${c}`)}
                </option>
              ))}
            </select>,
          )}
          <fieldset className="field">
            <legend title={t('wo.alsoHint')}>{t('wo.also')}</legend>
            {CATEGORY_KEYS.filter((c) => c !== form.category).map((c) => (
              <label key={c} className="inline">
                <input
                  type="checkbox"
                  name={`also-${c}`}
                  checked={also.includes(c)}
                  onChange={(e) => setAlso(e.target.checked ? [...also, c] : also.filter((x) => x !== c))}
                />
                {t(`wo.categories.${c}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('wo.urgent')}</span>
            <input
              name="urgent"
              type="checkbox"
              checked={form.urgent}
              onChange={(e) => setForm({ ...form, urgent: e.target.checked })}
            />
          </label>
          {field(
            'location',
            t('wo.location'),
            <input name="location" value={form.location} onChange={(e) => setForm({ ...form, location: e.target.value })} />,
          )}
          {field(
            'title',
            t('wo.title'),
            <input
              name="title"
              value={form.title}
              placeholder={t('wo.titleHint')}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />,
          )}
          {CONTENT.map((c) =>
            field(
              `content.${c}`,
              t(`wo.content.${c}`),
              <textarea
                name={c}
                rows={c === 'what' ? 3 : 1}
                value={content[c] ?? ''}
                onChange={(e) => setContent({ ...content, [c]: e.target.value })}
              />,
            ),
          )}
          {field(
            'callerName',
            t('wo.callerName'),
            <input
              name="callerName"
              value={form.callerName}
              onChange={(e) => setForm({ ...form, callerName: e.target.value })}
            />,
          )}
          {field(
            'callerPhone',
            t('wo.callerPhone'),
            <input
              name="callerPhone"
              inputMode="tel"
              value={form.callerPhone}
              onChange={(e) => setForm({ ...form, callerPhone: e.target.value })}
            />,
          )}
          {form.category === 'consultation' && (
            <>
              {field(
                'answer',
                t('wo.content.answer'),
                <textarea
                  name="answer"
                  rows={2}
                  value={answer.text}
                  placeholder={t('wo.answerHint')}
                  onChange={(e) => setAnswer({ ...answer, text: e.target.value })}
                />,
              )}
              {field(
                'basis.kind',
                t('wo.basisKind'),
                <select name="basisKind" value={answer.kind} onChange={(e) => setAnswer({ ...answer, kind: e.target.value })}>
                  {BASIS_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`wo.basisKinds.${k}`)}
                    </option>
                  ))}
                </select>,
              )}
              {field(
                'basis.reference',
                t('wo.content.basis'),
                <input
                  name="basisReference"
                  value={answer.reference}
                  onChange={(e) => setAnswer({ ...answer, reference: e.target.value })}
                />,
              )}
            </>
          )}
          <div>
            <button type="submit" className="button primary" disabled={busy}>
              {answering ? t('wo.saveAndAnswer') : t('wo.save')}
            </button>{' '}
            <span className="muted">{t('wo.keys')}</span>
          </div>
        </form>
        <KnowledgeLookup
          inputRef={lookup}
          initial={form.title}
          onUse={(k) => {
            setForm((f) => ({ ...f, category: 'consultation' }));
            setAnswer({ text: k.answer, kind: k.basisKind, reference: k.basisReference });
          }}
        />
      </div>
    </section>
  );
}

/** 知识查询: answers given on the spot to past consultations, with their basis; Enter on a result uses it. */
function KnowledgeLookup({
  inputRef,
  initial,
  onUse,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  initial: string;
  onUse: (k: KnowledgeItem) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const found = useResource<Items<KnowledgeItem>>('/work-orders/knowledge', { q: applied, limit: 10 });
  return (
    <aside className="panel wo-actions" aria-label={t('wo.knowledge.title')}>
      <h2>{t('wo.knowledge.title')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(q || initial);
        }}
      >
        <input
          ref={inputRef}
          type="search"
          name="knowledge"
          value={q}
          placeholder={t('wo.knowledge.hint')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button">
          {t('wo.search')}
        </button>
      </form>
      <ProblemAlert error={found.error} />
      {found.data?.items.length === 0 && <p className="muted">{t('wo.knowledge.none')}</p>}
      <ol className="link-list">
        {(found.data?.items ?? []).map((k) => (
          <li key={k.id}>
            <button type="button" className="button" onClick={() => onUse(k)}>
              {k.title}
            </button>
            <div>{k.answer}</div>
            <div className="muted">
              {t(`wo.basisKinds.${k.basisKind}`, { defaultValue: k.basisKind })}：{k.basisReference} · {k.number}
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
