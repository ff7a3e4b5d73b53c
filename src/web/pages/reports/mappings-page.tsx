import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, SkillGroup } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { canEdit, navEntry } from '../../navigation.ts';
import { useSignedIn } from '../../session/session-context.tsx';

interface Mappings {
  queues: { queueName: string; skillGroupId: number | null }[];
  agents: { identity: string; agentId: number | null }[];
  unmapped: { queues: string[]; agents: string[] };
}

/**
 * 队列与坐席映射: the ACD's queue names → skill groups and agent identities (extension behind SIP/1001) →
 * agents. Names seen in calls but not mapped come first, each with a select; a queue mapping recounts
 * the stored report cells on the server, so the reports follow at once.
 */
export default function MappingsPage() {
  const { t } = useTranslation();
  const { api, user } = useSignedIn();
  const editable = canEdit(user.roles, navEntry('mappings'));
  const maps = useResource<Mappings>('/mappings');
  const groups = useResource<{ items: SkillGroup[] }>('/skill-groups');
  const agents = useResource<{ items: Agent[] }>('/agents', { limit: 1000, status: 'active' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const groupName = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));
  const agentName = new Map((agents.data?.items ?? []).map((a) => [a.id, `${a.employeeNo} ${a.name}`]));

  const save = async (path: string, body: object, name: string) => {
    setError(null);
    setSaved(null);
    try {
      await api.put(path, body);
      setSaved(name);
      maps.reload();
    } catch (err) {
      setError(err);
    }
  };
  const groupSelect = (queueName: string, current: number | null) => (
    <select
      aria-label={t('imports.mapQueue', { name: queueName })}
      value={current ?? ''}
      disabled={!editable}
      onChange={(e) =>
        void save('/mappings/queues', { queueName, skillGroupId: e.target.value ? Number(e.target.value) : null }, queueName)
      }
    >
      <option value="">{t('imports.chooseGroup')}</option>
      {(groups.data?.items ?? []).map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );
  const agentSelect = (identity: string, current: number | null) => (
    <select
      aria-label={t('imports.mapAgent', { name: identity })}
      value={current ?? ''}
      disabled={!editable}
      onChange={(e) =>
        void save('/mappings/agents', { identity, agentId: e.target.value ? Number(e.target.value) : null }, identity)
      }
    >
      <option value="">{t('imports.chooseAgent')}</option>
      {(agents.data?.items ?? []).map((a) => (
        <option key={a.id} value={a.id}>
          {a.employeeNo} {a.name}
        </option>
      ))}
    </select>
  );
  const left = maps.data?.unmapped ?? { queues: [], agents: [] };
  return (
    <section>
      <PageHeader title={t('nav.mappings')} description={t('navDesc.mappings')} />
      {!editable && <p className="muted">{t('common.readOnly')}</p>}
      <ProblemAlert error={error ?? maps.error} />
      {saved && (
        <div className="alert alert-ok" role="status">
          <p>{t('imports.mapped', { name: saved })}</p>
        </div>
      )}
      <div className="panel">
        <h2>
          {t('imports.unmappedQueues')} ({left.queues.length})
        </h2>
        {left.queues.length === 0 ? (
          <p className="muted">{t('imports.none')}</p>
        ) : (
          <ul className="link-list">
            {left.queues.map((q) => (
              <li key={q}>
                <code>{q}</code> → {groupSelect(q, null)}
              </li>
            ))}
          </ul>
        )}
        <h2>
          {t('imports.unmappedAgents')} ({left.agents.length})
        </h2>
        {left.agents.length === 0 ? (
          <p className="muted">{t('imports.none')}</p>
        ) : (
          <ul className="link-list">
            {left.agents.slice(0, 300).map((a) => (
              <li key={a}>
                <code>{a}</code> → {agentSelect(a, null)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <DataTable
        caption={t('imports.queueMappings')}
        rows={maps.data?.queues ?? []}
        rowKey={(q) => q.queueName}
        loading={maps.loading}
        toolbar={<strong>{t('imports.queueMappings')}</strong>}
        exportName="queue-mappings"
        columns={[
          {
            key: 'queueName',
            header: t('imports.queueName'),
            value: (q) => q.queueName,
            render: (q) => <code>{q.queueName}</code>,
          },
          {
            key: 'group',
            header: t('reports.skillGroup'),
            value: (q) => (q.skillGroupId == null ? '' : (groupName.get(q.skillGroupId) ?? q.skillGroupId)),
            render: (q) => groupSelect(q.queueName, q.skillGroupId),
            exportable: true,
          },
        ]}
      />
      <DataTable
        caption={t('imports.agentMappings')}
        rows={maps.data?.agents ?? []}
        rowKey={(a) => a.identity}
        loading={maps.loading}
        toolbar={<strong>{t('imports.agentMappings')}</strong>}
        exportName="agent-mappings"
        columns={[
          { key: 'identity', header: t('imports.identity'), value: (a) => a.identity, render: (a) => <code>{a.identity}</code> },
          {
            key: 'agent',
            header: t('reports.agent'),
            value: (a) => (a.agentId == null ? '' : (agentName.get(a.agentId) ?? a.agentId)),
            render: (a) => agentSelect(a.identity, a.agentId),
          },
        ]}
      />
    </section>
  );
}
