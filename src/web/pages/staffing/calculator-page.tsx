import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber, formatPercent, type Lang } from '../../lib/format.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { type CalculatorForm, calculatorWarnings, DEFAULT_FORM, solveRequest } from './calculator-form.ts';
import { whatIfOption } from './staffing-charts.ts';
import type { SolveAnswer } from './staffing-types.ts';
import { ModelDefinitions, TermLabel } from './term-label.tsx';

/** 人力计算器: Erlang C / A staffing of one interval, with the what-if table and chart around the answer. */
export default function CalculatorPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { api } = useSignedIn();
  const [f, setF] = useState<CalculatorForm>(DEFAULT_FORM);
  // The form as it was when solved: warnings and targets refer to the answer shown, not to later typing.
  const [solved, setSolved] = useState<{ form: CalculatorForm; answer: SolveAnswer } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const solve = async () => {
    setError(null);
    setBusy(true);
    try {
      setSolved({ form: f, answer: await api.post<SolveAnswer>('/staffing/solve', solveRequest(f)) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const answer = solved?.answer;
  const model = answer?.model ?? f.model;
  const option = useMemo(() => {
    if (!solved) return null;
    const labels = {
      serviceLevel: t('staffing.terms.serviceLevel.label'),
      occupancy: t('staffing.terms.occupancy.label'),
      pAbandon: t('staffing.terms.pAbandon.label'),
      pWait: t('staffing.terms.pWait.label'),
      asa: t('staffing.terms.asa.label'),
      agents: t('staffing.terms.agents.label'),
      undefinedZone: t('staffing.undefinedZone'),
    };
    const sl = solved.form.slPercent.trim() === '' ? undefined : Number(solved.form.slPercent);
    return whatIfOption(solved.answer.whatIf, solved.answer.agents, labels, sl);
  }, [solved, t]);

  const field = (k: keyof CalculatorForm, label: string, unit?: string, hint?: string) => (
    <label className="field">
      <span>
        {label}
        {hint && <span className="muted"> · {hint}</span>}
      </span>
      <span className="staffing-input">
        <input name={k} inputMode="decimal" value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
        {unit && <span className="muted">{unit}</span>}
      </span>
    </label>
  );
  const pct = (x: number) => formatPercent(x, lang, 2);
  const targetList = (names: string[]) => names.map((n) => t(`staffing.target.${n}`)).join('、');
  const warnings = solved ? calculatorWarnings(solved.form, solved.answer) : [];

  return (
    <section>
      <PageHeader title={t('nav.staffingCalculator')} description={t('navDesc.staffingCalculator')} />
      <ModelDefinitions />
      <form
        className="panel form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void solve();
        }}
      >
        {field('calls', t('staffing.calls'))}
        {field('intervalSeconds', t('staffing.intervalSeconds'), t('staffing.seconds'))}
        {field('ahtSeconds', t('metrics.aht.label'), t('staffing.seconds'))}
        <label className="field">
          <span>{t('staffing.model')}</span>
          <select name="model" value={f.model} onChange={(e) => setF({ ...f, model: e.target.value === 'a' ? 'a' : 'c' })}>
            <option value="c">{t('staffing.modelC')}</option>
            <option value="a">{t('staffing.modelA')}</option>
          </select>
        </label>
        {f.model === 'a' && field('patienceSeconds', t('staffing.patience'), t('staffing.seconds'))}
        {field('slPercent', t('staffing.slTarget'), t('staffing.percent'))}
        {field('slSeconds', t('staffing.slSeconds'), t('staffing.seconds'))}
        {f.model === 'a' && field('maxAbandonPercent', t('staffing.maxAbandon'), t('staffing.percent'))}
        {field('maxAsaSeconds', t('staffing.maxAsa'), t('staffing.seconds'), t('staffing.optional'))}
        {field('maxOccupancyPercent', t('staffing.maxOccupancy'), t('staffing.percent'), t('staffing.optional'))}
        {field('shrinkagePercent', t('staffing.shrinkage'), t('staffing.percent'))}
        {field('agents', t('staffing.agentsGiven'), undefined, t('staffing.optional'))}
        <div className="staffing-submit">
          <button type="submit" className="button primary" disabled={busy}>
            {t('staffing.solve')}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {answer && (
        <>
          {warnings.map((w) => (
            <div key={w} className="alert alert-warn" role="alert">
              {t(`staffing.warning.${w}`, {
                abandon: answer.defined ? pct(answer.pAbandon) : '',
                cap: `${solved?.form.maxAbandonPercent}%`,
              })}
            </div>
          ))}
          {!answer.defined && (
            <div className="alert alert-warn" role="alert">
              {t('staffing.undefined')}
            </div>
          )}
          <section className="kpi-grid" aria-label={t('staffing.result')}>
            <div className="panel kpi" data-testid="kpi-agents">
              <div className="kpi-label">
                <TermLabel k="agents" model={model} />
              </div>
              <div className="kpi-value num">{answer.agents}</div>
              <div className="kpi-sub muted">
                {t('staffing.trafficSub', { value: formatNumber(answer.traffic, lang, 2) })}
                {answer.fractionalAgents !== null &&
                  ` · ${t('staffing.fractional', { value: formatNumber(answer.fractionalAgents, lang, 2) })}`}
              </div>
            </div>
            <div className="panel kpi" data-testid="kpi-positions">
              <div className="kpi-label">
                <TermLabel k="positions" model={model} />
              </div>
              <div className="kpi-value num">{answer.positions}</div>
              <div className="kpi-sub muted">
                {t('staffing.positionsSub', { value: formatPercent(answer.shrinkage, lang, 0) })}
              </div>
            </div>
            {answer.defined && (
              <>
                <Kpi
                  label={<TermLabel k="serviceLevel" model={model} />}
                  value={pct(answer.serviceLevel)}
                  sub={`T = ${answer.slSeconds} ${t('staffing.seconds')}`}
                  testId="kpi-sl"
                />
                <Kpi
                  label={<TermLabel k="asa" model={model} />}
                  value={`${formatNumber(answer.asaSeconds, lang, 1)} ${t('staffing.seconds')}`}
                />
                <Kpi label={<TermLabel k="pWait" model={model} />} value={pct(answer.pWait)} />
                <Kpi label={<TermLabel k="pAbandon" model={model} />} value={pct(answer.pAbandon)} />
                <Kpi label={<TermLabel k="occupancy" model={model} />} value={pct(answer.occupancy)} />
              </>
            )}
          </section>
          {(answer.binding.length > 0 || answer.failed.length > 0) && (
            <p className="muted">
              {answer.binding.length > 0 && t('staffing.binding', { targets: targetList(answer.binding) })}
              {answer.failed.length > 0 && (
                <strong className="staffing-failed"> {t('staffing.failed', { targets: targetList(answer.failed) })}</strong>
              )}
            </p>
          )}
          {option && (
            <div className="panel">
              <Chart option={option} height={320} ariaLabel={t('staffing.whatIfChart')} />
            </div>
          )}
          <div className="panel">
            <h2>{t('staffing.whatIf')}</h2>
            <table className="data-table staffing-what-if">
              <thead>
                <tr>
                  <th className="num">n</th>
                  <th className="num">
                    <TermLabel k="serviceLevel" model={model} />
                  </th>
                  <th className="num">
                    <TermLabel k="asa" model={model} />
                  </th>
                  <th className="num">
                    <TermLabel k="pWait" model={model} />
                  </th>
                  <th className="num">
                    <TermLabel k="pAbandon" model={model} />
                  </th>
                  <th className="num">
                    <TermLabel k="occupancy" model={model} />
                  </th>
                </tr>
              </thead>
              <tbody>
                {answer.whatIf.map((w) => (
                  <tr key={w.agents} className={w.agents === answer.agents ? 'selected' : undefined}>
                    <td className="num">{w.agents}</td>
                    {w.defined ? (
                      <>
                        <td className="num">{pct(w.serviceLevel)}</td>
                        <td className="num">{formatNumber(w.asaSeconds, lang, 1)}</td>
                        <td className="num">{pct(w.pWait)}</td>
                        <td className="num">{pct(w.pAbandon)}</td>
                        <td className="num">{pct(w.occupancy)}</td>
                      </>
                    ) : (
                      <td colSpan={5} className="muted">
                        {t('staffing.undefined')}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Kpi({ label, value, sub, testId }: { label: ReactNode; value: string; sub?: string; testId?: string }) {
  return (
    <div className="panel kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value num">{value}</div>
      {sub && <div className="kpi-sub muted">{sub}</div>}
    </div>
  );
}
