import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import type { FieldSpec, FormValues } from '../lib/field-spec.ts';
import { canEdit, navEntry } from '../navigation.ts';
import { useSignedIn } from '../session/session-context.tsx';
import type { Column } from './column.ts';
import { DataTable } from './data-table.tsx';
import { PageHeader } from './page-header.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import { ResourceForm } from './resource-form.tsx';

export interface ResourcePageProps<T extends { id: number }> {
  /** The navigation entry: gives the title, description and who may edit. */
  navId: string;
  /** Collection path under /api/v1, e.g. `/sites`; items are PATCHed at `/sites/:id`. */
  path: string;
  columns: readonly Column<T>[];
  fields: (isNew: boolean) => readonly FieldSpec[];
  toValues: (row: T | null) => FormValues;
  toBody: (values: FormValues, isNew: boolean) => unknown;
  /** Read-only rows (e.g. lookups still loading) disable create and edit. */
  ready?: boolean;
  extra?: (values: FormValues, set: (name: string, v: unknown) => void, errors: Record<string, string>) => React.ReactNode;
}

/**
 * The list-and-form page every simple organisation resource uses: a sortable, exportable table, and for
 * roles that may edit a "new" button and an edit button per row, opening one form above the table.
 */
export function ResourcePage<T extends { id: number }>(props: ResourcePageProps<T>) {
  const { t } = useTranslation();
  const { user, api } = useSignedIn();
  const entry = navEntry(props.navId);
  const editable = canEdit(user.roles, entry) && props.ready !== false;
  const list = useResource<Items<T>>(props.path);
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  const [notice, setNotice] = useState('');

  const columns: Column<T>[] = editable
    ? [
        ...props.columns,
        {
          key: '_actions',
          header: t('common.actions'),
          sortable: false,
          exportable: false,
          value: () => '',
          render: (row) => (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setNotice('');
                setEditing({ row });
              }}
            >
              {t('common.edit')}
            </button>
          ),
        },
      ]
    : [...props.columns];

  const save = async (values: FormValues) => {
    const isNew = editing?.row == null;
    const body = props.toBody(values, isNew);
    if (isNew) await api.post(props.path, body);
    else await api.patch(`${props.path}/${editing?.row?.id}`, body);
    setEditing(null);
    setNotice(t('common.saved'));
    list.reload();
  };

  return (
    <section>
      <PageHeader
        title={t(`nav.${entry.id}`)}
        description={editable ? t(`navDesc.${entry.id}`) : `${t(`navDesc.${entry.id}`)} · ${t('common.readOnly')}`}
        actions={
          editable && (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setNotice('');
                setEditing({ row: null });
              }}
            >
              {t('common.create')}
            </button>
          )
        }
      />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <ResourceForm
          key={editing.row?.id ?? 'new'}
          title={`${editing.row ? t('common.edit') : t('common.create')} · ${t(`nav.${entry.id}`)}`}
          fields={props.fields(editing.row == null)}
          initial={props.toValues(editing.row)}
          onSubmit={save}
          onCancel={() => setEditing(null)}
          extra={props.extra}
        />
      )}
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t(`nav.${entry.id}`)}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        exportName={entry.id}
        loading={list.loading}
      />
    </section>
  );
}
