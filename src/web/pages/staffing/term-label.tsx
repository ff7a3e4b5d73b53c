import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
 * Same look and keyboard behaviour as MetricLabel.
 */
export function TermLabel({ k, model }: { k: StaffingTerm; model: QueueModel }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const label = t(`staffing.terms.${k}.label`);
  const definition = t(`staffing.terms.${k}.${model}`);
  return (
    <span className="metric-label">
      <span title={definition}>{label}</span>
      <button
        type="button"
        className="info-button"
        aria-label={`${label}: ${t('common.definition')}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        ⓘ
      </button>
      <span id={id} role="tooltip" className="popover" hidden={!open}>
        {definition}
      </span>
    </span>
  );
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
