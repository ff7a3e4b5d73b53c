import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { canEdit, navEntry } from '../../navigation.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import type { CardVersion } from './quality-types.ts';
import { blankItem, blankSection, type Draft, type DraftItem, type DraftSection, fromDraft, toDraft } from './scorecard-draft.ts';

function Problem({ problems, path }: { problems: Map<string, string>; path: string }) {
  const p = problems.get(path);
  return p ? <span className="field-error">{p}</span> : null;
}

function ItemEditor({
  item,
  path,
  problems,
  onChange,
  onRemove,
}: {
  item: DraftItem;
  path: string;
  problems: Map<string, string>;
  onChange: (i: DraftItem) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof DraftItem>(k: K, v: DraftItem[K]) => onChange({ ...item, [k]: v });
  return (
    <div className="qa-editor-item">
      <label>
        {t('qaPages.itemId')} <input type="text" size={10} value={item.id} onChange={(e) => set('id', e.target.value)} />
        <Problem problems={problems} path={`${path}.id`} />
      </label>
      <label>
        {t('qaPages.itemLabel')}{' '}
        <input type="text" name="item-label" size={18} value={item.label} onChange={(e) => set('label', e.target.value)} />
        <Problem problems={problems} path={`${path}.label`} />
      </label>
      <label>
        {t('qaPages.maxPoints')}{' '}
        <input
          type="number"
          min={0}
          step="any"
          style={{ width: 64 }}
          value={item.maxPoints}
          onChange={(e) => set('maxPoints', e.target.value)}
        />
        <Problem problems={problems} path={`${path}.maxPoints`} />
      </label>
      <label>
        {t('qaPages.mode')}{' '}
        <select value={item.mode} onChange={(e) => set('mode', e.target.value as DraftItem['mode'])}>
          <option value="points">{t('qaPages.modePoints')}</option>
          <option value="scale">{t('qaPages.modeScale')}</option>
        </select>
      </label>
      {item.mode === 'scale' && (
        <label>
          {t('qaPages.scaleOptions')}{' '}
          <input type="text" size={20} value={item.scale} onChange={(e) => set('scale', e.target.value)} />
          <Problem problems={problems} path={`${path}.scale`} />
        </label>
      )}
      <label>
        <input type="checkbox" checked={item.naAllowed} onChange={(e) => set('naAllowed', e.target.checked)} /> N/A
      </label>
      <label>
        {t('qaPages.critical')}{' '}
        <select value={item.critical} onChange={(e) => set('critical', e.target.value as DraftItem['critical'])}>
          <option value="">{t('qaPages.criticalNone')}</option>
          <option value="section">{t('qa.critical.section')}</option>
          <option value="form">{t('qa.critical.form')}</option>
        </select>
        <Problem problems={problems} path={`${path}.critical`} />
      </label>
      {item.critical && (
        <label>
          {t('qaPages.passPoints')}{' '}
          <input
            type="number"
            min={0}
            step="any"
            style={{ width: 64 }}
            placeholder={item.maxPoints}
            value={item.passPoints}
            onChange={(e) => set('passPoints', e.target.value)}
          />
          <Problem problems={problems} path={`${path}.passPoints`} />
        </label>
      )}
      <label>
        <input type="checkbox" checked={item.bonus} onChange={(e) => set('bonus', e.target.checked)} /> {t('qa.bonus')}
      </label>
      <button type="button" className="button small" onClick={onRemove}>
        {t('qaPages.removeItem')}
      </button>
    </div>
  );
}

function SectionEditor({
  section,
  path,
  problems,
  onChange,
  onRemove,
}: {
  section: DraftSection;
  path: string;
  problems: Map<string, string>;
  onChange: (s: DraftSection) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="qa-section">
      <legend className="filters">
        <input
          type="text"
          size={10}
          aria-label="id"
          value={section.id}
          onChange={(e) => onChange({ ...section, id: e.target.value })}
        />
        <label>
          {t('qaPages.sectionLabel')}{' '}
          <input
            type="text"
            name="section-label"
            value={section.label}
            onChange={(e) => onChange({ ...section, label: e.target.value })}
          />
        </label>
        <label>
          {t('qaPages.weight')}{' '}
          <input
            type="number"
            min={0}
            step="any"
            style={{ width: 64 }}
            value={section.weight}
            onChange={(e) => onChange({ ...section, weight: e.target.value })}
          />
        </label>
        <button type="button" className="button small" onClick={onRemove}>
          {t('qaPages.removeSection')}
        </button>
        <Problem problems={problems} path={`${path}.label`} />
        <Problem problems={problems} path={`${path}.weight`} />
        <Problem problems={problems} path={`${path}.items`} />
        <Problem problems={problems} path={`${path}.id`} />
      </legend>
      {section.items.map((item, ii) => (
        <ItemEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft row's only identity is its place; its id is being typed
          key={ii}
          item={item}
          path={`${path}.items.${ii}`}
          problems={problems}
          onChange={(next) => onChange({ ...section, items: section.items.map((x, k) => (k === ii ? next : x)) })}
          onRemove={() => onChange({ ...section, items: section.items.filter((_, k) => k !== ii) })}
        />
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => onChange({ ...section, items: [...section.items, blankItem(section.items.length + 1)] })}
      >
        {t('qaPages.addItem')}
      </button>
    </fieldset>
  );
}

/** 评分表: the scorecards with their versions, and an editor whose every save makes a new version. */
export default function ScorecardsPage() {
  const { t } = useTranslation();
  const { api, user, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const editable = canEdit(user.roles, navEntry('scorecards'));
  const latest = useResource<{ items: CardVersion[] }>('/qa/scorecards');
  const [key, setKey] = useState('');
  const shownKey = key || latest.data?.items[0]?.key || '';
  const versions = useResource<{ items: CardVersion[] }>(shownKey ? '/qa/scorecards' : null, { key: shownKey, all: 'true' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [base, setBase] = useState<CardVersion | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { definition, problems } = draft ? fromDraft(draft) : { definition: null, problems: new Map<string, string>() };

  const save = async () => {
    if (!draft || problems.size > 0) return;
    setError(null);
    try {
      const r = await api.post<{ id: number; key: string; version: number }>('/qa/scorecards', {
        key: draft.key.trim(),
        definition,
      });
      setSaved(t('qaPages.savedVersion', { version: r.version }));
      setKey(r.key);
      setDraft(null);
      latest.reload();
      versions.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <PageHeader
        title={t('nav.scorecards')}
        description={t('navDesc.scorecards')}
        actions={
          editable ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setBase(null);
                setSaved(null);
                setDraft({ key: '', name: '', sections: [blankSection(1)] });
              }}
            >
              {t('qaPages.newCard')}
            </button>
          ) : undefined
        }
      />
      <p className="muted">{t('qaPages.editorHelp')}</p>
      <ProblemAlert error={error ?? latest.error} />
      {saved && (
        <div className="alert alert-ok" role="status">
          {saved}
        </div>
      )}
      <div className="panel filters">
        <label>
          {t('qa.scorecard')}{' '}
          <select value={shownKey} onChange={(e) => setKey(e.target.value)}>
            {(latest.data?.items ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.name} ({c.key}, v{c.version})
              </option>
            ))}
          </select>
        </label>
      </div>
      <DataTable
        caption={t('qaPages.versions')}
        rows={versions.data?.items ?? []}
        rowKey={(c) => c.id}
        columns={[
          { key: 'version', header: t('qaPages.version'), numeric: true, value: (c) => c.version },
          { key: 'name', header: t('qaPages.name'), value: (c) => c.name },
          {
            key: 'items',
            header: t('qaPages.items'),
            numeric: true,
            value: (c) => c.definition.sections.reduce((n, s) => n + s.items.length, 0),
          },
          {
            key: 'createdAt',
            header: t('qaPages.createdAt'),
            value: (c) => c.createdAt,
            render: (c) => formatInstant(c.createdAt, zone),
          },
          { key: 'createdBy', header: t('qaPages.createdBy'), value: (c) => c.createdBy },
          {
            key: 'edit',
            header: '',
            sortable: false,
            value: () => '',
            render: (c) =>
              editable ? (
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    setBase(c);
                    setSaved(null);
                    setDraft(toDraft(c.key, c.definition));
                  }}
                >
                  {t('qaPages.editVersion')}
                </button>
              ) : null,
          },
        ]}
      />
      {draft && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {base && (
            <p>
              <strong>{t('qaPages.viewing', { name: base.name, version: base.version })}</strong>
            </p>
          )}
          <div className="filters">
            <label>
              {t('qaPages.key')}{' '}
              <input
                type="text"
                name="card-key"
                value={draft.key}
                disabled={!!base}
                onChange={(e) => setDraft({ ...draft, key: e.target.value })}
              />
              <Problem problems={problems} path="key" />
            </label>
            <label>
              {t('qaPages.name')}{' '}
              <input
                type="text"
                name="card-name"
                size={30}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
              <Problem problems={problems} path="name" />
            </label>
          </div>
          <Problem problems={problems} path="sections" />
          {draft.sections.map((s, si) => (
            <SectionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: a draft row's only identity is its place; its id is being typed
              key={si}
              section={s}
              path={`sections.${si}`}
              problems={problems}
              onChange={(next) => setDraft({ ...draft, sections: draft.sections.map((x, k) => (k === si ? next : x)) })}
              onRemove={() => setDraft({ ...draft, sections: draft.sections.filter((_, k) => k !== si) })}
            />
          ))}
          <div className="filters">
            <button
              type="button"
              className="button"
              onClick={() => setDraft({ ...draft, sections: [...draft.sections, blankSection(draft.sections.length + 1)] })}
            >
              {t('qaPages.addSection')}
            </button>
            <button type="submit" className="button primary" disabled={problems.size > 0}>
              {t('qaPages.saveVersion')}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            {problems.size > 0 && (
              <span className="field-error">
                {[...problems]
                  .slice(0, 3)
                  .map(([p, m]) => `${p}: ${m}`)
                  .join('；')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
