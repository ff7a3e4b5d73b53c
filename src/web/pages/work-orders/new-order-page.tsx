import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { CATEGORY_KEYS, CHANNEL_KEYS } from './types.ts';

const CONTENT = ['time', 'place', 'what', 'demand'] as const;

/**
 * 工单受理: the agent's fast entry form during a call. Fields in the order an agent asks; Ctrl+Enter saves;
 * the server's checks (title names the place, required content by category) show beside their fields.
 */
export default function NewOrderPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const navigate = useNavigate();
  const [form, setForm] = useState({ channel: 'phone', category: 'consultation', urgent: false, location: '', title: '', callerName: '', callerPhone: '' });
  const [content, setContent] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.problem.errors?.find((e) => e.path === `body.${path}`)?.message : undefined;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    try {
      const body = { ...form, callerName: form.callerName || undefined, callerPhone: form.callerPhone || undefined, content: Object.fromEntries(Object.entries(content).filter(([, v]) => v.trim())) };
      const created = await api.post<{ id: number }>('/work-orders', body);
      navigate(`/work-orders/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, input: ReactElement) => (
    <label className="field">
      <span>{label}</span>
      {input}
      {fieldError(name) && <span className="field-error">{fieldError(name)}</span>}
    </label>
  );

  return (
    <section onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(); }}>
      <PageHeader title={t('wo.new')} description={t('wo.newHint')} />
      <ProblemAlert error={error} />
      <form className="panel form-grid" onSubmit={submit}>
        {field('channel', t('wo.channel'), <select name="channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })}>
          {CHANNEL_KEYS.map((c) => <option key={c} value={c}>{t(`wo.channels.${c}`)}</option>)}</select>)}
        {field('category', t('wo.category'), <select name="category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
          {CATEGORY_KEYS.map((c) => <option key={c} value={c}>{t(`wo.categories.${c}`)}</option>)}</select>)}
        <label className="field"><span>{t('wo.urgent')}</span>
          <input name="urgent" type="checkbox" checked={form.urgent} onChange={(e) => setForm({ ...form, urgent: e.target.checked })} /></label>
        {field('location', t('wo.location'), <input name="location" value={form.location} onChange={(e) => setForm({ ...form, location: e.target.value })} />)}
        {field('title', t('wo.title'), <input name="title" value={form.title} placeholder={t('wo.titleHint')} onChange={(e) => setForm({ ...form, title: e.target.value })} />)}
        {CONTENT.map((c) => field(`content.${c}`, t(`wo.content.${c}`),
          <textarea name={c} rows={c === 'what' ? 3 : 1} value={content[c] ?? ''} onChange={(e) => setContent({ ...content, [c]: e.target.value })} />))}
        {field('callerName', t('wo.callerName'), <input name="callerName" value={form.callerName} onChange={(e) => setForm({ ...form, callerName: e.target.value })} />)}
        {field('callerPhone', t('wo.callerPhone'), <input name="callerPhone" inputMode="tel" value={form.callerPhone} onChange={(e) => setForm({ ...form, callerPhone: e.target.value })} />)}
        <div><button type="submit" className="button primary" disabled={busy}>{t('wo.save')}</button> <span className="muted">Ctrl+Enter</span></div>
      </form>
    </section>
  );
}
