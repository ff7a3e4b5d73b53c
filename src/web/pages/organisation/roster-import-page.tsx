import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import type { ImportError, ImportResult } from '../../api/types.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedIn } from '../../session/session-context.tsx';
import { importErrorsFromProblem, linesWithErrors, ROSTER_EXAMPLE, ROSTER_HEADER } from './roster-errors.ts';

type Outcome =
  | { kind: 'checked'; valid: number; errors: ImportError[] }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'refused'; errors: ImportError[] };

/** 花名册导入: paste or choose a CSV, check it (dry run), then import all or only the valid rows. */
export default function RosterImportPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [csv, setCsv] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      // The check always uses skipInvalid so every error comes back at once, with the count of valid rows.
      const result = await api.post<ImportResult>('/agents/import', { csv }, { dryRun, skipInvalid: dryRun || skipInvalid });
      setOutcome(dryRun ? { kind: 'checked', valid: result.valid ?? 0, errors: result.errors } : { kind: 'imported', result });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setOutcome({ kind: 'refused', errors: importErrorsFromProblem(e.problem) });
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const errors = outcome && outcome.kind !== 'imported' ? outcome.errors : (outcome?.result.errors ?? []);
  const blocked = outcome?.kind === 'checked' && errors.length > 0 && !skipInvalid;

  return (
    <section>
      <PageHeader title={t('nav.rosterImport')} description={t('roster.intro')} />
      <div className="panel">
        <h2>{t('roster.formatTitle')}</h2>
        <pre className="code">{`${ROSTER_HEADER}\n${ROSTER_EXAMPLE}`}</pre>
        <p className="hint">{t('roster.formatHelp')}</p>
      </div>
      <div className="panel form">
        <div className="field">
          <label htmlFor="roster-file">{t('roster.chooseFile')}</label>
          <input
            id="roster-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) {
                setCsv(await file.text());
                setOutcome(null);
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="roster-csv">{t('roster.csv')}</label>
          <textarea
            id="roster-csv"
            name="csv"
            rows={10}
            className="mono"
            value={csv}
            spellCheck={false}
            onChange={(e) => {
              setCsv(e.target.value);
              setOutcome(null);
            }}
          />
        </div>
        <label className="checkbox-label">
          <input type="checkbox" name="skipInvalid" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t('roster.skipInvalid')}
        </label>
        <div className="form-actions">
          <button type="button" className="button" disabled={busy || !csv.trim()} onClick={() => run(true)}>
            {t('roster.check')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || !csv.trim() || outcome?.kind !== 'checked' || blocked}
            onClick={() => run(false)}
          >
            {t('roster.import')}
          </button>
        </div>
      </div>
      <ProblemAlert error={failure} />
      <div role="status" aria-live="polite">
        {outcome?.kind === 'checked' && (
          <p className={errors.length ? 'alert alert-warn' : 'alert alert-ok'}>
            {errors.length === 0
              ? t('roster.checkOk', { valid: outcome.valid })
              : `${t('roster.checkErrors', { count: errors.length, lines: linesWithErrors(errors) })} · ${t('roster.validRows', { valid: outcome.valid })}`}
          </p>
        )}
        {outcome?.kind === 'refused' && <p className="alert alert-error">{t('roster.nothingImported')}</p>}
        {outcome?.kind === 'imported' && (
          <p className="alert alert-ok">
            {t('roster.imported', { imported: outcome.result.imported, skipped: outcome.result.skipped })}
          </p>
        )}
      </div>
      {errors.length > 0 && (
        <DataTable
          caption={t('roster.checkErrors', { count: errors.length, lines: linesWithErrors(errors) })}
          exportName="roster-errors"
          rows={errors}
          rowKey={(e) => `${e.line}-${e.field}-${e.message}`}
          columns={[
            { key: 'line', header: t('roster.line'), numeric: true, value: (e) => e.line },
            { key: 'field', header: t('roster.field'), value: (e) => e.field },
            { key: 'message', header: t('roster.message'), value: (e) => e.message },
          ]}
        />
      )}
    </section>
  );
}
