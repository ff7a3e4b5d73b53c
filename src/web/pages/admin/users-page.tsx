import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/auth/roles.ts';
import type { Agent, HandlingUnit, Items, Page, UserRow } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ResourcePage } from '../../components/resource-page.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { asText, type FieldSpec, numberOrNull } from '../../lib/field-spec.ts';

/** 用户: sign-in accounts, their roles, and the agent or handling unit a user acts as. */
export default function UsersPage() {
  const { t } = useTranslation();
  const agents = useResource<Page<Agent>>('/agents', { limit: 1000 });
  const units = useResource<Items<HandlingUnit>>('/handling-units');
  const agentLabel = new Map((agents.data?.items ?? []).map((a) => [a.id, `${a.employeeNo} ${a.name}`]));
  const unitLabel = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));

  const fields = (isNew: boolean): FieldSpec[] => [
    ...(isNew
      ? [{ name: 'username', label: t('user.username'), kind: 'text', required: true, autoComplete: 'off' } as const]
      : []),
    { name: 'displayName', label: t('user.displayName'), kind: 'text', required: true },
    {
      name: 'password',
      label: isNew ? t('user.password') : t('user.newPassword'),
      kind: 'password',
      required: isNew,
      autoComplete: 'new-password',
    },
    {
      name: 'roles',
      label: t('user.roles'),
      kind: 'checkboxes',
      required: true,
      options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
    },
    {
      name: 'agentId',
      label: t('user.agent'),
      kind: 'select',
      options: (agents.data?.items ?? []).map((a) => ({ value: String(a.id), label: `${a.employeeNo} ${a.name}` })),
    },
    {
      name: 'unitId',
      label: t('user.unit'),
      kind: 'select',
      options: (units.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name })),
    },
    ...(isNew ? [] : [{ name: 'disabled', label: t('user.disabled'), kind: 'checkbox' } as const]),
  ];

  return (
    <ResourcePage<UserRow>
      navId="users"
      path="/users"
      ready={agents.data !== undefined && units.data !== undefined}
      columns={[
        { key: 'username', header: t('user.username'), value: (r) => r.username },
        { key: 'displayName', header: t('user.displayName'), value: (r) => r.displayName },
        {
          key: 'roles',
          header: t('user.roles'),
          value: (r) => r.roles.map((x) => t(`roles.${x}`)),
          render: (r) => <RoleBadges roles={r.roles} />,
        },
        {
          key: 'agent',
          header: t('user.agent'),
          value: (r) => (r.agentId == null ? '' : (agentLabel.get(r.agentId) ?? String(r.agentId))),
        },
        {
          key: 'unit',
          header: t('user.unit'),
          value: (r) => (r.unitId == null ? '' : (unitLabel.get(r.unitId) ?? String(r.unitId))),
        },
        {
          key: 'disabled',
          header: t('user.status'),
          value: (r) => (r.disabled ? t('user.statusDisabled') : t('user.statusEnabled')),
        },
      ]}
      fields={fields}
      toValues={(r) => ({
        username: r?.username ?? '',
        displayName: r?.displayName ?? '',
        password: '',
        roles: r?.roles ?? [],
        agentId: asText(r?.agentId),
        unitId: asText(r?.unitId),
        disabled: r?.disabled ?? false,
      })}
      toBody={(v, isNew) => {
        const body: Record<string, unknown> = {
          displayName: String(v.displayName).trim(),
          roles: v.roles,
          agentId: numberOrNull(v.agentId),
          unitId: numberOrNull(v.unitId),
        };
        if (isNew) body.username = String(v.username).trim();
        else body.disabled = v.disabled === true;
        // An empty password on edit means "keep it": the API changes it only when one is sent.
        if (String(v.password ?? '') !== '') body.password = String(v.password);
        return body;
      }}
    />
  );
}
