import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Metrics with a label and a definition in the i18n files (`metrics.<k>.label` / `.definition`): the
 * shared ones, and every column of the interval report (src/web/pages/reports/report-columns.ts).
 */
export type MetricKey =
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'serviceLevel'
  | 'answerRate'
  | 'asa'
  | 'aht'
  | 'occupancy'
  | 'utilization'
  | 'repeatRate'
  | 'fcr'
  | 'scheduleFit'
  | 'onTimeClosureRate'
  | 'satisfactionRate'
  | 'shortAbandoned'
  | 'otherExits'
  | 'timeout'
  | 'exitKey'
  | 'exitEmpty'
  | 'unknownEnd'
  | 'answeredWithinThreshold'
  | 'abandonedAfterThreshold'
  | 'maxWait'
  | 'avgAbandon'
  | 'talk'
  | 'hold'
  | 'acw'
  | 'transferred'
  | 'ringNoAnswer';

/**
 * A name with its definition one hover or one keypress away: the ⓘ button shows the definition in a popover
 * (keyboard and touch), and `title` keeps it for a mouse hover over the name.
 */
export function DefinedLabel({ label, definition }: { label: string; definition: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
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

/** A report metric's name with its definition from the i18n files (`metrics.<k>.label` / `.definition`). */
export function MetricLabel({ k }: { k: MetricKey }) {
  const { t } = useTranslation();
  return <DefinedLabel label={t(`metrics.${k}.label`)} definition={t(`metrics.${k}.definition`)} />;
}
