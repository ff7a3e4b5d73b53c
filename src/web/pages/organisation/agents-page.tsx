import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Agent, Items, Page, SkillGroup, Team } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import type { Column } from '../../components/column.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ResourceForm } from '../../components/resource-form.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { asText, type FieldSpec, type FormValues, numberOrNull, textOrNull } from '../../lib/field-spec.ts';
import { formatNumber } from '../../lib/format.ts';
import { canEdit, navEntry } from '../../navigation.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { type SkillRow, SkillsEditor, skillRowsToBody } from './skills-editor.tsx';

const LIMIT = 50;

/** 话务员: the roster with filters in the URL (so a filtered list can be bookmarked), paging and editing. */
export default function AgentsPage() {
  const { t } = useTranslation();
  const { user, api } = useSignedIn();
  const editable = canEdit(user.roles, navEntry('agents'));
  const [params, setParams] = useSearchParams();
  const filter = { teamId: params.get('teamId') ?? '', status: params.get('status') ?? '', q: params.get('q') ?? '' };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [q, setQ] = useState(filter.q);
  const list = useResource<Page<Agent>>('/agents', { ...filter, limit: LIMIT, offset });
  const teams = useResource<Items<Team>>('/teams');
  const groups = useResource<Items<SkillGroup>>('/skill-groups');
  const [editing, setEditing] = useState<{ row: Agent | null } | null>(null);
  const lang = currentLang();

  const setFilter = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('offset' in patch)) next.delete('offset');
    setParams(next);
  };

  const columns: Column<Agent>[] = [
    { key: 'employeeNo', header: t('agent.employeeNo'), value: (r) => r.employeeNo },
    { key: 'name', header: t('agent.name'), value: (r) => r.name },
    { key: 'team', header: t('agent.team'), value: (r) => r.teamName },
    {
      key: 'skills',
      header: t('agent.skills'),
      value: (r) => r.skills.map((s) => `${s.skillGroupName}:${s.proficiency}`),
      render: (r) => r.skills.map((s) => `${s.skillGroupName}:${s.proficiency}`).join('；'),
    },
    { key: 'hireDate', header: t('agent.hireDate'), value: (r) => r.hireDate, numeric: true },
    {
      key: 'contractHoursPerWeek',
      header: t('agent.contractHoursPerWeek'),
      numeric: true,
      value: (r) => r.contractHoursPerWeek,
      render: (r) => formatNumber(r.contractHoursPerWeek, lang, Number.isInteger(r.contractHoursPerWeek) ? 0 : 1),
    },
    {
      key: 'status',
      header: t('agent.status'),
      value: (r) => (r.status === 'active' ? t('agent.statusActive') : t('agent.statusLeft')),
    },
    { key: 'leftDate', header: t('agent.leftDate'), value: (r) => r.leftDate, numeric: true },
  ];
  if (editable)
    columns.push({
      key: '_edit',
      header: t('common.actions'),
      sortable: false,
      exportable: false,
      value: () => '',
      render: (r) => (
        <button type="button" className="button small" onClick={() => setEditing({ row: r })}>
          {t('common.edit')}
        </button>
      ),
    });

  const fields: FieldSpec[] = [
    { name: 'employeeNo', label: t('agent.employeeNo'), kind: 'text', required: true },
    { name: 'name', label: t('agent.name'), kind: 'text', required: true },
    {
      name: 'teamId',
      label: t('agent.team'),
      kind: 'select',
      options: (teams.data?.items ?? []).map((x) => ({ value: String(x.id), label: x.name })),
    },
    { name: 'hireDate', label: t('agent.hireDate'), kind: 'date' },
    {
      name: 'contractHoursPerWeek',
      label: t('agent.contractHoursPerWeek'),
      kind: 'number',
      required: true,
      min: 0,
      max: 60,
      step: 0.5,
    },
    {
      name: 'status',
      label: t('agent.status'),
      kind: 'select',
      required: true,
      options: [
        { value: 'active', label: t('agent.statusActive') },
        { value: 'left', label: t('agent.statusLeft') },
      ],
    },
    { name: 'leftDate', label: t('agent.leftDate'), kind: 'date' },
  ];
  const toValues = (r: Agent | null): FormValues => ({
    employeeNo: r?.employeeNo ?? '',
    name: r?.name ?? '',
    teamId: asText(r?.teamId),
    hireDate: r?.hireDate ?? '',
    contractHoursPerWeek: asText(r?.contractHoursPerWeek ?? 40),
    status: r?.status ?? 'active',
    leftDate: r?.leftDate ?? '',
    skills: (r?.skills ?? []).map(
      (s): SkillRow => ({ skillGroupId: String(s.skillGroupId), proficiency: String(s.proficiency) }),
    ),
  });
  const save = async (v: FormValues) => {
    const body = {
      employeeNo: String(v.employeeNo).trim(),
      name: String(v.name).trim(),
      teamId: numberOrNull(v.teamId),
      hireDate: textOrNull(v.hireDate),
      contractHoursPerWeek: Number(v.contractHoursPerWeek),
      status: v.status,
      leftDate: textOrNull(v.leftDate),
      skills: skillRowsToBody(v.skills as SkillRow[]),
    };
    if (editing?.row) await api.patch(`/agents/${editing.row.id}`, body);
    else await api.post('/agents', body);
    setEditing(null);
    list.reload();
  };

  return (
    <section>
      <PageHeader
        title={t('nav.agents')}
        description={editable ? t('navDesc.agents') : `${t('navDesc.agents')} · ${t('common.readOnly')}`}
        actions={
          editable && (
            <>
              <Link className="button" to="/organisation/agents/import">
                {t('agent.importLink')}
              </Link>
              <button type="button" className="button primary" onClick={() => setEditing({ row: null })}>
                {t('common.create')}
              </button>
            </>
          )
        }
      />
      {editing && (
        <ResourceForm
          key={editing.row?.id ?? 'new'}
          title={`${editing.row ? t('common.edit') : t('common.create')} · ${t('nav.agents')}`}
          fields={fields}
          initial={toValues(editing.row)}
          onSubmit={save}
          onCancel={() => setEditing(null)}
          extra={(values, set, errors) => (
            <SkillsEditor
              rows={values.skills as SkillRow[]}
              groups={groups.data?.items ?? []}
              error={errors.skills}
              onChange={(r) => set('skills', r)}
            />
          )}
        />
      )}
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t('nav.agents')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        exportName="agents"
        loading={list.loading}
        toolbar={
          <form
            className="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setFilter({ q });
            }}
          >
            <label>
              {t('agent.team')}{' '}
              <select name="teamId" value={filter.teamId} onChange={(e) => setFilter({ teamId: e.target.value })}>
                <option value="">{t('agent.allTeams')}</option>
                {(teams.data?.items ?? []).map((x) => (
                  <option key={x.id} value={String(x.id)}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('agent.status')}{' '}
              <select name="status" value={filter.status} onChange={(e) => setFilter({ status: e.target.value })}>
                <option value="">{t('agent.allStatuses')}</option>
                <option value="active">{t('agent.statusActive')}</option>
                <option value="left">{t('agent.statusLeft')}</option>
              </select>
            </label>
            <label>
              {t('agent.searchLabel')} <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
            </label>
            <button type="submit" className="button">
              {t('common.search')}
            </button>
          </form>
        }
      />
      {list.data && (
        <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => setFilter({ offset: String(o) })} />
      )}
    </section>
  );
}
