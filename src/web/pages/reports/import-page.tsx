import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { DataTable } from '../../components/data-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { type ImportKind, type ImportResult, importRequest } from './import-request.ts';

type Phase = { step: 'idle' } | { step: 'reading' | 'uploading'; file: string; bytes: number } | { step: 'done'; file: string };

/** 数据导入: upload an Asterisk queue_log or a CSV of call records; bad lines are listed with line number and reason. */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { api } = useSignedIn();
  const [kind, setKind] = useState<ImportKind>('queue-log');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const unmapped = useResource<{ unmapped: { queues: string[]; agents: string[] } }>('/mappings');
  const busy = phase.step === 'reading' || phase.step === 'uploading';

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      setPhase({ step: 'reading', file: file.name, bytes: file.size });
      const text = await readText(file);
      setPhase({ step: 'uploading', file: file.name, bytes: file.size });
      const req = importRequest(kind, text, file.name);
      setResult(await api.post<ImportResult>(req.path, req.body));
      setPhase({ step: 'done', file: file.name });
      unmapped.reload();
    } catch (err) {
      setError(err);
      setPhase({ step: 'idle' });
    }
  };
  const left = unmapped.data?.unmapped;
  return (
    <section>
      <PageHeader title={t('nav.dataImport')} description={t('navDesc.dataImport')} />
      <div className="panel filters">
        <label>
          {t('imports.kind')}{' '}
          <select name="kind" value={kind} disabled={busy} onChange={(e) => setKind(e.target.value as ImportKind)}>
            <option value="queue-log">{t('imports.queueLog')}</option>
            <option value="call-csv">{t('imports.callCsv')}</option>
          </select>
        </label>
        <label>
          {t('imports.file')}{' '}
          <input
            type="file"
            name="file"
            accept={kind === 'queue-log' ? '.log,.txt,text/plain' : '.csv,text/csv'}
            disabled={busy}
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted">{t(kind === 'queue-log' ? 'imports.queueLogHint' : 'imports.callCsvHint')}</span>
      </div>
      {busy && (
        <div className="panel" role="status">
          <progress className="import-progress" />{' '}
          {t(phase.step === 'reading' ? 'imports.reading' : 'imports.uploading', {
            file: phase.file,
            size: formatNumber(phase.bytes / 1024, lang, 0),
          })}
        </div>
      )}
      <ProblemAlert error={error} />
      {result && (
        <div className={`alert ${result.errors.length ? 'alert-warn' : 'alert-ok'}`} role="status" data-testid="import-result">
          <p>{t('imports.resultOf', { file: phase.step === 'done' ? phase.file : '' })}</p>
          <p>
            {t(result.lines != null ? 'imports.resultLines' : 'imports.resultRows', {
              lines: formatNumber(result.lines ?? null, lang),
              contacts: formatNumber(result.contacts, lang),
              spans: formatNumber(result.spans ?? 0, lang),
              errors: formatNumber(result.errors.length, lang),
            })}
          </p>
          {(result.warnings?.length ?? 0) > 0 && <p>{t('imports.warnings', { n: result.warnings?.length })}</p>}
          {result.stillOpen && result.stillOpen.contacts > 0 && <p>{t('imports.stillOpen', { n: result.stillOpen.contacts })}</p>}
        </div>
      )}
      {result && result.errors.length > 0 && (
        <DataTable
          caption={t('imports.badLines')}
          rows={result.errors.slice(0, 1000)}
          rowKey={(e) => `${e.line}|${e.reason}`}
          exportName="bad-lines"
          toolbar={
            <strong>
              {t('imports.badLines')}
              {result.errors.length > 1000 ? ` (${t('reports.rowsCapped', { shown: 1000, total: result.errors.length })})` : ''}
            </strong>
          }
          columns={[
            { key: 'line', header: t('imports.line'), numeric: true, value: (e) => e.line },
            { key: 'reason', header: t('imports.reason'), value: (e) => e.reason },
          ]}
        />
      )}
      {result && (result.warnings?.length ?? 0) > 0 && (
        <DataTable
          caption={t('imports.warningLines')}
          rows={result.warnings ?? []}
          rowKey={(e) => `${e.line}|${e.reason}`}
          toolbar={<strong>{t('imports.warningLines')}</strong>}
          columns={[
            { key: 'line', header: t('imports.line'), numeric: true, value: (e) => e.line },
            { key: 'reason', header: t('imports.reason'), value: (e) => e.reason },
          ]}
        />
      )}
      {left && (left.queues.length > 0 || left.agents.length > 0) && (
        <div className="alert alert-warn">
          <p>
            {t('imports.unmappedSummary', { queues: left.queues.length, agents: left.agents.length })}{' '}
            <Link to="/reports/mappings">{t('nav.mappings')} →</Link>
          </p>
        </div>
      )}
    </section>
  );
}

/** The file's text through FileReader (UTF-8), which every browser has; `File.text()` is newer. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
