import { useTranslation } from 'react-i18next';
import { DefinedLabel } from '../../components/metric-label.tsx';
import type { QueueModel } from './staffing-types.ts';

/** Staffing terms with a model-specific definition in `staffing.terms.<k>.{label,c,a}`. */
export type StaffingTerm =
  | 'traffic'
  | 'agents'
  | 'positions'
  | 'serviceLevel'
  | 'asa'
  | 'pWait'
  | 'pAbandon'
  | 'occupancy'
  | 'fractionalAgents';

/**
 * A staffing figure's name with its definition under the chosen model (Erlang C and A define ASA, SL and
 * occupancy differently, so the report-metric definitions do not fit): ⓘ opens it, hovering the name shows it.
 * Shown by DefinedLabel, as the report metrics are.
 */
export function TermLabel({ k, model }: { k: StaffingTerm; model: QueueModel }) {
  const { t } = useTranslation();
  return <DefinedLabel label={t(`staffing.terms.${k}.label`)} definition={t(`staffing.terms.${k}.${model}`)} />;
}

/** The models' definitions exactly as docs/staffing.md states them, folded under the page title. */
export function ModelDefinitions({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="panel staffing-definitions" open={open}>
      <summary>{t('staffing.defTitle')}</summary>
      <ul>
        <li>{t('staffing.defTraffic')}</li>
        <li>{t('staffing.defErlangC')}</li>
        <li>{t('staffing.defErlangA')}</li>
        <li>{t('staffing.defStaffing')}</li>
      </ul>
    </details>
  );
}
