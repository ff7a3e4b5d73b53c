import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Items, Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { ExtensionRequest } from './order-actions.tsx';
import { BASIS_KINDS, type OrderDetail, SATISFACTION_KEYS } from './types.ts';

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
              <dt>{t('wo.status')}</dt>
              <dd>
                <span className={`badge wo-${o.status}`}>{t(`wo.statuses.${o.status}`)}</span>
                {o.supervised && <span className="badge"> {t('wo.supervised')}</span>}
              </dd>
              <dt>{t('wo.category')}</dt>
              <dd>
                {t(`wo.categories.${o.category}`)} · {t(`wo.channels.${o.channel}`)}
              </dd>
              <dt>{t('wo.location')}</dt>
              <dd>{o.location}</dd>
              <dt>{t('wo.caller')}</dt>
              <dd>
                {o.callerName ?? '—'} {o.callerPhone ?? ''}
              </dd>
              {(['time', 'place', 'what', 'demand'] as const)
                .filter((k) => o.content[k])
                .map((k) => (
                  <Fragment key={k}>
                    <dt>{t(`wo.content.${k}`)}</dt>
                    <dd>{o.content[k]}</dd>
                  </Fragment>
                ))}
              {o.answer && (
                <>
                  <dt>{t('wo.content.answer')}</dt>
                  <dd>{o.answer}</dd>
                </>
              )}
              {o.basis && (
                <>
                  <dt>{t('wo.content.basis')}</dt>
                  <dd>
                    {t(`wo.basisKinds.${o.basis.kind}`, { defaultValue: o.basis.kind })}：{o.basis.reference}
                  </dd>
                </>
              )}
              {o.mergedIntoId != null && (
                <>
                  <dt>{t('wo.mergedInto')}</dt>
                  <dd>
                    <Link to={`/work-orders/${o.mergedIntoId}`}>{o.mergedIntoNumber ?? `#${o.mergedIntoId}`}</Link>
                  </dd>
                </>
              )}
              <dt>{t('wo.createdAt')}</dt>
              <dd>
                {formatInstant(o.createdAt, zone)}
                {o.completedLate && <span className="overdue"> {t('wo.completedLate')}</span>}
              </dd>
              <dt>{t('wo.dueAt')}</dt>
              <dd>
                {o.dueAt ? formatInstant(o.dueAt, zone) : '—'}
                {o.remainingWorkingHours != null && (
                  <span className={o.remainingWorkingHours < 0 ? 'overdue' : 'muted'}>
                    {' '}
                    (
                    {t(o.remainingWorkingHours < 0 ? 'wo.overdueBy' : 'wo.remaining', {
                      hours: formatNumber(Math.abs(o.remainingWorkingHours), 'zh-CN', 1),
                    })}
                    )
                  </span>
                )}
              </dd>
              <dt>{t('wo.counts')}</dt>
              <dd>
                {t('wo.countsText', { redo: o.redoCount, ret: o.returnCount, remind: o.reminderCount })} ·{' '}
                {t(`wo.levels.${o.escalationLevel}`)}
              </dd>
              {o.satisfaction && (
                <>
                  <dt>{t('wo.satisfaction')}</dt>
                  <dd>{t(`wo.satisfactions.${o.satisfaction}`)}</dd>
                </>
              )}
            </dl>
            {o.dispatches.length > 0 && (
              <div className="panel">
                <h2>{t('wo.dispatches')}</h2>
                <table className="data-table" data-testid="unit-status">
                  <thead>
                    <tr>
                      <th>{t('wo.unit')}</th>
                      <th>{t('wo.status')}</th>
                      <th>{t('wo.dispatchedAt')}</th>
                      <th>{t('wo.dueAt')}</th>
                      <th>{t('wo.reply')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.dispatches.map((d) => (
                      <tr key={d.id}>
                        <td>{d.unitName}</td>
                        <td>
                          {t(`wo.statuses.${d.status}`)}
                          {d.extensionStatus
                            ? ` · ${t('wo.extension')}: ${t(`wo.ext.${d.extensionStatus}`)}${d.extensionUntil ? ` ${formatInstant(d.extensionUntil, zone)}` : ''}`
                            : ''}
                        </td>
                        <td className="num">{formatInstant(d.dispatchedAt, zone)}</td>
                        <td className="num">{d.dueAt ? formatInstant(d.dueAt, zone) : '—'}</td>
                        <td>
                          {d.reply ?? ''}
                          {d.returnReason ? `${t('wo.actions.return')}：${d.returnReason}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Attachments
              order={o}
              upload={(fileName, base64) => api.post(`/work-orders/${o.id}/attachments`, { fileName, base64 })}
              onDone={order.reload}
            />
            <div className="panel">
              <h2>{t('wo.history')}</h2>
              <ol className="timeline">
                {o.history.map((h) => (
                  <li key={h.id}>
                    <span className="num muted">{formatInstant(h.at, zone)}</span>{' '}
                    <strong>{t(`wo.actions.${h.action}`, { defaultValue: h.action })}</strong> · {h.actor}
                    {h.unitName ? `（${h.unitName}）` : ''}
                    {h.toStatus && h.toStatus !== h.fromStatus ? ` → ${t(`wo.statuses.${h.toStatus}`)}` : ''}
                    {h.note ? `：${h.note}` : ''}
                  </li>
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

function ActionsPanel({
  order,
  onDone,
  post,
}: {
  order: OrderDetail;
  onDone: () => void;
  post: (body: object) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const units = useResource<Page<Unit>>(order.actions.includes('dispatch') ? '/handling-units' : null);
  const duplicates = useResource<Items<{ id: number; number: string; title: string }>>(
    order.actions.includes('merge') ? `/work-orders/${order.id}/duplicates` : null,
  );
  const [text, setText] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [intoId, setIntoId] = useState('');
  const [basis, setBasis] = useState({ kind: 'knowledge', reference: '' });
  const [error, setError] = useState<unknown>(null);
  if (order.actions.length === 0) return <div className="panel muted">{t('wo.noActions')}</div>;
  const run = async (body: object) => {
    setError(null);
    try {
      await post(body);
      setText('');
      setUnitIds([]);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const has = (a: string) => order.actions.includes(a);
  const button = (
    type: string,
    body: object,
    opts: { primary?: boolean; danger?: boolean; needsText?: boolean; label?: string } = {},
  ) =>
    has(type) && (
      <button
        type="button"
        className={`button${opts.primary ? ' primary' : ''}${opts.danger ? ' danger' : ''}`}
        disabled={opts.needsText && !text.trim()}
        onClick={() => void run({ type, ...body })}
      >
        {opts.label ?? t(`wo.actions.${type}`)}
      </button>
    );
  const pending = order.dispatches.find((d) => d.extensionStatus === 'pending');
  return (
    <aside className="panel wo-actions">
      <h2>{t('wo.actionsTitle')}</h2>
      <ProblemAlert error={error} />
      <label className="field">
        <span>{t('wo.note')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {has('dispatch') && (
        <fieldset className="field">
          <legend>{t('wo.chooseUnit')}</legend>
          {(units.data?.items ?? []).map((u) => (
            <label key={u.id}>
              <input
                type="checkbox"
                checked={unitIds.includes(String(u.id))}
                onChange={(e) =>
                  setUnitIds(e.target.checked ? [...unitIds, String(u.id)] : unitIds.filter((x) => x !== String(u.id)))
                }
              />{' '}
              {u.name}
            </label>
          ))}
          <button
            type="button"
            className="button primary"
            disabled={unitIds.length === 0}
            onClick={() => void run({ type: 'dispatch', unitIds: unitIds.map(Number), note: text || undefined })}
          >
            {t('wo.actions.dispatch')}
          </button>
        </fieldset>
      )}
      {has('answerDirectly') && (
        <div className="row">
          <select
            aria-label={t('wo.basisKind')}
            value={basis.kind}
            onChange={(e) => setBasis({ ...basis, kind: e.target.value })}
          >
            {BASIS_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`wo.basisKinds.${k}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('wo.content.basis')}
            placeholder={t('wo.content.basis')}
            value={basis.reference}
            onChange={(e) => setBasis({ ...basis, reference: e.target.value })}
          />
          {button('answerDirectly', { answer: text, basis }, { needsText: true })}
        </div>
      )}
      {button('accept', {}, { primary: true })}
      {button('start', {})}
      {button('reply', { reply: text }, { primary: true, needsText: true })}
      {button('return', { reason: text }, { danger: true, needsText: true })}
      {has('requestExtension') && <ExtensionRequest reason={text} onSubmit={(body) => void run(body)} />}
      {pending && (
        <p className="muted">{t('wo.extensionAsked', { unit: pending.unitName, reason: pending.extensionReason ?? '' })}</p>
      )}
      <div className="row">
        {button('approveExtension', { note: text || undefined }, { primary: true })}
        {button('rejectExtension', { note: text }, { needsText: true })}
      </div>
      {has('callback') && (
        <div className="row">
          {SATISFACTION_KEYS.map((s) => (
            <button
              key={s}
              type="button"
              className={`button${s === 'dissatisfied' ? ' danger' : ''}`}
              onClick={() => void run({ type: 'callback', satisfaction: s, note: text || undefined })}
            >
              {t(`wo.satisfactions.${s}`)}
            </button>
          ))}
        </div>
      )}
      <div className="row">
        {button('redo', { reason: text }, { needsText: true })}
        {button('close', { note: text }, { needsText: true })}
        {button('remind', { note: text || undefined })}
        {!order.supervised && button('supervise', { note: text || undefined })}
      </div>
      {has('merge') && (
        <div className="row">
          <select aria-label={t('wo.mergeInto')} value={intoId} onChange={(e) => setIntoId(e.target.value)}>
            <option value="">{t('wo.mergeInto')}</option>
            {(duplicates.data?.items ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.number} {d.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!intoId}
            onClick={() => void run({ type: 'merge', intoId: Number(intoId), note: text || undefined })}
          >
            {t('wo.actions.merge')}
          </button>
        </div>
      )}
    </aside>
  );
}

function Attachments({
  order,
  upload,
  onDone,
}: {
  order: OrderDetail;
  upload: (name: string, base64: string) => Promise<unknown>;
  onDone: () => void;
}) {
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
          <li key={a.id}>
            <a href={`/api/v1/work-orders/${order.id}/attachments/${a.id}`}>{a.fileName}</a>{' '}
            <span className="muted num">{Math.ceil(a.size / 1024)} KB</span>
          </li>
        ))}
      </ul>
      <label className="muted">
        {t('wo.attach')}{' '}
        <input type="file" accept=".png,.jpg,.jpeg,.pdf,.docx,.xlsx" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
    </div>
  );
}
