import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessHours, Center } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ResourceForm } from '../../components/resource-form.tsx';
import type { FormValues } from '../../lib/field-spec.ts';
import { canEdit, navEntry } from '../../navigation.ts';
import { useSignedIn } from '../../session/session-context.tsx';

/** 中心信息: the center's name, time zone (all day boundaries use it) and business hours. */
export default function CenterPage() {
  const { t } = useTranslation();
  const { user, api, reloadCenter } = useSignedIn();
  const center = useResource<Center>('/center');
  const [editing, setEditing] = useState(false);
  const editable = canEdit(user.roles, navEntry('center'));
  const c = center.data;

  const save = async (v: FormValues) => {
    await api.patch('/center', {
      name: String(v.name).trim(),
      timeZone: String(v.timeZone).trim(),
      businessHours: v.businessHours,
    });
    setEditing(false);
    center.reload();
    await reloadCenter();
  };

  return (
    <section>
      <PageHeader
        title={t('nav.center')}
        description={editable ? t('navDesc.center') : `${t('navDesc.center')} · ${t('common.readOnly')}`}
        actions={
          editable &&
          c &&
          !editing && (
            <button type="button" className="button primary" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          )
        }
      />
      <ProblemAlert error={center.error} />
      {editing && c && (
        <ResourceForm
          title={`${t('common.edit')} · ${t('nav.center')}`}
          fields={[
            { name: 'name', label: t('center.name'), kind: 'text', required: true },
            { name: 'timeZone', label: t('center.timeZone'), kind: 'text', required: true, hint: 'Asia/Shanghai' },
          ]}
          initial={{ name: c.name, timeZone: c.timeZone, businessHours: c.businessHours }}
          onSubmit={save}
          onCancel={() => setEditing(false)}
          extra={(values, set, errors) => (
            <HoursEditor
              hours={values.businessHours as BusinessHours[]}
              error={errors.businessHours}
              onChange={(h) => set('businessHours', h)}
            />
          )}
        />
      )}
      {c && (
        <dl className="panel definition-list">
          <dt>{t('center.name')}</dt>
          <dd>{c.name}</dd>
          <dt>{t('center.timeZone')}</dt>
          <dd>{c.timeZone}</dd>
          <dt>{t('center.businessHours')}</dt>
          <dd>{c.businessHours.map((h) => `${h.start}–${h.end}`).join(', ')}</dd>
        </dl>
      )}
    </section>
  );
}

function HoursEditor({
  hours,
  error,
  onChange,
}: {
  hours: BusinessHours[];
  error?: string;
  onChange: (h: BusinessHours[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<BusinessHours>) => onChange(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`}>
      <legend>{t('center.businessHours')}</legend>
      {hours.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity yet; the inputs are controlled, so a removed row cannot leave stale state
        <div key={i} className="inline-row">
          <label>
            {t('center.start')}{' '}
            <input
              type="time"
              name={`businessHours.${i}.start`}
              value={h.start}
              onChange={(e) => update(i, { start: e.target.value })}
            />
          </label>
          <label>
            {t('center.end')}{' '}
            <input
              type="time"
              name={`businessHours.${i}.end`}
              value={h.end}
              onChange={(e) => update(i, { end: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="button small"
            disabled={hours.length <= 1}
            onClick={() => onChange(hours.filter((_, j) => j !== i))}
          >
            {t('center.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...hours, { start: '08:00', end: '20:00' }])}>
        {t('center.addInterval')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
