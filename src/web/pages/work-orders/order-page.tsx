import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import type { OrderDetail } from './types.ts';

interface Unit {
  id: number;
  name: string;
}

/** 工单详情: the order, its dispatches and full history, and the actions this user may take now. */
export default function OrderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { api, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const order = useResource<OrderDetail>(`/work-orders/${id}`);
  const o = order.data;
  return (
    <section>
      <PageHeader title={o ? `${o.number} ${o.title}` : t('wo.order')} />
      <ProblemAlert error={order.error} />
      {o && (
        <div className="wo-layout">
          <div>
            <dl className="panel definition-list">
              <dt>{t('wo.status')}</dt><dd><span className={`badge wo-${o.status}`}>{t(`wo.statuses.${o.status}`)}</span>{o.supervised && <span className="badge"> {t('wo.supervised')}</span>}</dd>
              <dt>{t('wo.category')}</dt><dd>{t(`wo.categories.${o.category}`)} · {t(`wo.channels.${o.channel}`)}</dd>
              <dt>{t('wo.location')}</dt><dd>{o.location}</dd>
              <dt>{t('wo.caller')}</dt><dd>{o.callerName ?? '—'} {o.callerPhone ?? ''}</dd>
              {(['time', 'place', 'what', 'demand', 'answer', 'basis'] as const).filter((k) => o.content[k]).map((k) => (
                <><dt key={`t${k}`}>{t(`wo.content.${k}`)}</dt><dd key={`d${k}`}>{o.content[k]}</dd></>
              ))}
              <dt>{t('wo.createdAt')}</dt><dd>{formatInstant(o.createdAt, zone)}{o.completedLate && <span className="overdue"> {t('wo.completedLate')}</span>}</dd>
              <dt>{t('wo.dueAt')}</dt>
              <dd>{o.dueAt ? formatInstant(o.dueAt, zone) : '—'}
                {o.remainingWorkingHours != null && (
                  <span className={o.remainingWorkingHours < 0 ? 'overdue' : 'muted'}> ({t(o.remainingWorkingHours < 0 ? 'wo.overdueBy' : 'wo.remaining', { hours: formatNumber(Math.abs(o.remainingWorkingHours), 'zh-CN', 1) })})</span>
                )}
              </dd>
              <dt>{t('wo.counts')}</dt><dd>{t('wo.countsText', { redo: o.redoCount, ret: o.returnCount, remind: o.reminderCount })} · {t(`wo.levels.${o.escalationLevel}`)}</dd>
              {o.satisfaction && <><dt>{t('wo.satisfaction')}</dt><dd>{t(`wo.satisfactions.${o.satisfaction}`)}</dd></>}
            </dl>
            {o.dispatches.length > 0 && (
              <div className="panel">
                <h2>{t('wo.dispatches')}</h2>
                <table className="data-table"><thead><tr><th>{t('wo.unit')}</th><th>{t('wo.status')}</th><th>{t('wo.dueAt')}</th><th>{t('wo.reply')}</th></tr></thead>
                  <tbody>{o.dispatches.map((d) => (
                    <tr key={d.id}><td>{d.unitName}</td><td>{t(`wo.statuses.${d.status}`)}{d.extensionStatus ? ` · ${t('wo.extension')}: ${t(`wo.ext.${d.extensionStatus}`)}` : ''}</td>
                      <td className="num">{d.dueAt ? formatInstant(d.dueAt, zone) : '—'}</td><td>{d.reply ?? ''}</td></tr>
                  ))}</tbody></table>
              </div>
            )}
            <Attachments order={o} upload={(fileName, base64) => api.post(`/work-orders/${o.id}/attachments`, { fileName, base64 })} onDone={order.reload} />
            <div className="panel">
              <h2>{t('wo.history')}</h2>
              <ol className="timeline">
                {o.history.map((h, i) => (
                  <li key={`${h.at}-${i}`}><span className="num muted">{formatInstant(h.at, zone)}</span> <strong>{t(`wo.actions.${h.action}`, { defaultValue: h.action })}</strong> · {h.actor}
                    {h.toStatus && h.toStatus !== h.fromStatus ? ` → ${t(`wo.statuses.${h.toStatus}`)}` : ''}{h.note ? `：${h.note}` : ''}</li>
                ))}
              </ol>
            </div>
          </div>
          <ActionsPanel order={o} onDone={order.reload} post={(body) => api.post(`/work-orders/${o.id}/actions`, body)} />
        </div>
      )}
    </section>
  );
}

function ActionsPanel({ order, onDone, post }: { order: OrderDetail; onDone: () => void; post: (body: object) => Promise<unknown> }) {
  const { t } = useTranslation();
  const units = useResource<Page<Unit>>(order.actions.includes('dispatch') ? '/handling-units' : null);
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (order.actions.length === 0) return <div className="panel muted">{t('wo.noActions')}</div>;
  const run = async (body: object) => {
    setError(null);
    try {
      await post(body);
      setText('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const has = (a: string) => order.actions.includes(a);
  return (
    <aside className="panel wo-actions">
      <h2>{t('wo.actionsTitle')}</h2>
      <ProblemAlert error={error} />
      <label className="field"><span>{t('wo.note')}</span><textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} /></label>
      {has('dispatch') && (
        <div className="row">
          <select aria-label={t('wo.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('wo.chooseUnit')}</option>
            {(units.data?.items ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <button type="button" className="button primary" disabled={!unitId} onClick={() => run({ type: 'dispatch', unitIds: [Number(unitId)], note: text || undefined })}>{t('wo.actions.dispatch')}</button>
        </div>
      )}
      {has('answer') && <button type="button" className="button" onClick={() => run({ type: 'answer', answer: text, basis: t('wo.basisDefault') })}>{t('wo.actions.answer')}</button>}
      {has('accept') && <button type="button" className="button primary" onClick={() => run({ type: 'accept' })}>{t('wo.actions.accept')}</button>}
      {has('start') && <button type="button" className="button" onClick={() => run({ type: 'start' })}>{t('wo.actions.start')}</button>}
      {has('reply') && <button type="button" className="button primary" disabled={!text.trim()} onClick={() => run({ type: 'reply', reply: text })}>{t('wo.actions.reply')}</button>}
      {has('return') && <button type="button" className="button danger" disabled={!text.trim()} onClick={() => run({ type: 'return', reason: text })}>{t('wo.actions.return')}</button>}
      {has('request_extension') && (
        <div className="row">
          <input type="datetime-local" aria-label={t('wo.extendUntil')} value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="button" className="button" disabled={!until || !text.trim()} onClick={() => run({ type: 'request_extension', until: new Date(until).toISOString(), reason: text })}>{t('wo.actions.request_extension')}</button>
        </div>
      )}
      {has('decide_extension') && order.dispatches.some((d) => d.extensionStatus === 'pending') && (
        <div className="row">
          <button type="button" className="button primary" onClick={() => run({ type: 'decide_extension', approve: true, note: text || undefined })}>{t('wo.approveExtension')}</button>
          <button type="button" className="button" onClick={() => run({ type: 'decide_extension', approve: false, note: text || undefined })}>{t('wo.rejectExtension')}</button>
        </div>
      )}
      {has('callback') && (
        <div className="row">
          {(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((s) => (
            <button key={s} type="button" className={`button${s === 'dissatisfied' ? ' danger' : ''}`} onClick={() => run({ type: 'callback', satisfaction: s, note: text || undefined })}>{t(`wo.satisfactions.${s}`)}</button>
          ))}
        </div>
      )}
      {has('close') && <button type="button" className="button" disabled={!text.trim()} onClick={() => run({ type: 'close', note: text })}>{t('wo.actions.close')}</button>}
      {has('remind') && <button type="button" className="button" onClick={() => run({ type: 'remind', note: text || undefined })}>{t('wo.actions.remind')}</button>}
      {has('merge') && (
        <div className="row">
          <input aria-label={t('wo.mergeInto')} placeholder={t('wo.mergeInto')} inputMode="numeric" size={8} value={until} onChange={(e) => setUntil(e.target.value)} />
          <button type="button" className="button" disabled={!/^\d+$/.test(until)} onClick={() => run({ type: 'merge', intoId: Number(until), note: text || undefined })}>{t('wo.actions.merge')}</button>
        </div>
      )}
      {has('supervise') && !order.supervised && <button type="button" className="button" onClick={() => run({ type: 'supervise', note: text || undefined })}>{t('wo.actions.supervise')}</button>}
    </aside>
  );
}

function Attachments({ order, upload, onDone }: { order: OrderDetail; upload: (name: string, base64: string) => Promise<unknown>; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      await upload(file.name, btoa(binary));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="panel">
      <h2>{t('wo.attachments')}</h2>
      <ProblemAlert error={error} />
      <ul className="link-list">
        {order.attachments.map((a) => (
          <li key={a.id}><a href={`/api/v1/work-orders/${order.id}/attachments/${a.id}`}>{a.fileName}</a> <span className="muted num">{Math.ceil(a.size / 1024)} KB</span></li>
        ))}
      </ul>
      <label className="muted">{t('wo.attach')} <input type="file" accept=".png,.jpg,.jpeg,.pdf,.docx,.xlsx" onChange={(e) => void pick(e.target.files?.[0])} /></label>
    </div>
  );
}
