import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, Items } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';

/** API 令牌: tokens for integrations; a new token's secret is shown once, then only its name remains. */
export default function TokensPage() {
  const { t } = useTranslation();
  const { api, center } = useSignedIn();
  const zone = center?.timeZone ?? 'Asia/Shanghai';
  const list = useResource<Items<ApiToken>>('/tokens');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setFailure(null);
    try {
      const res = await api.post<{ id: number; token: string }>('/tokens', { name: name.trim() });
      setCreated({ name: name.trim(), token: res.token });
      setCopied(false);
      setName('');
      list.reload();
    } catch (err) {
      setFailure(err);
    }
  };
  const revoke = async (tok: ApiToken) => {
    if (!window.confirm(t('token.confirmRevoke', { name: tok.name }))) return;
    setFailure(null);
    try {
      await api.del(`/tokens/${tok.id}`);
      list.reload();
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section>
      <PageHeader title={t('nav.tokens')} description={t('navDesc.tokens')} />
      <form className="panel inline-form" onSubmit={create}>
        <label htmlFor="token-name">{t('token.name')}</label>
        <input id="token-name" name="tokenName" value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary" disabled={!name.trim()}>
          {t('token.create')}
        </button>
      </form>
      {created && (
        <div className="alert alert-warn" role="status">
          <p>
            {t('token.shownOnce')} <strong>{created.name}</strong>
          </p>
          <div className="inline-row">
            <code className="token" data-testid="new-token">
              {created.token}
            </code>
            <button
              type="button"
              className="button small"
              onClick={() => navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </button>
            <button type="button" className="button small" onClick={() => setCreated(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
      <ProblemAlert error={failure ?? list.error} />
      <DataTable
        caption={t('nav.tokens')}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={list.loading}
        exportName="tokens"
        columns={[
          { key: 'name', header: t('token.name'), value: (r) => r.name },
          {
            key: 'createdAt',
            header: t('token.createdAt'),
            value: (r) => r.createdAt,
            numeric: true,
            render: (r) => formatInstant(r.createdAt, zone),
          },
          {
            key: 'lastUsedAt',
            header: t('token.lastUsedAt'),
            value: (r) => r.lastUsedAt,
            numeric: true,
            render: (r) => (r.lastUsedAt ? formatInstant(r.lastUsedAt, zone) : t('token.never')),
          },
          {
            key: '_revoke',
            header: t('common.actions'),
            sortable: false,
            exportable: false,
            value: () => '',
            render: (r) => (
              <button type="button" className="button small danger" onClick={() => revoke(r)}>
                {t('token.revoke')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
