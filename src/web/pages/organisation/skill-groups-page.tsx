import { useTranslation } from 'react-i18next';
import type { SkillGroup } from '../../api/types.ts';
import { MetricLabel } from '../../components/metric-label.tsx';
import { ResourcePage } from '../../components/resource-page.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { asText } from '../../lib/field-spec.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { percentToShare, shareToPercent, targetDigits } from '../../lib/percent-input.ts';

/** 技能组: code, name, and the service-level threshold T and target each group is measured against. */
export default function SkillGroupsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <ResourcePage<SkillGroup>
      navId="skillGroups"
      path="/skill-groups"
      columns={[
        { key: 'code', header: t('skillGroup.code'), value: (r) => r.code },
        { key: 'name', header: t('skillGroup.name'), value: (r) => r.name },
        {
          key: 'slThresholdSeconds',
          header: t('skillGroup.slThresholdSeconds'),
          numeric: true,
          value: (r) => r.slThresholdSeconds,
          render: (r) => formatNumber(r.slThresholdSeconds, lang),
        },
        {
          key: 'slTarget',
          header: t('skillGroup.slTarget'),
          headerNode: <MetricLabel k="serviceLevel" />,
          numeric: true,
          value: (r) => r.slTarget,
          render: (r) => formatPercent(r.slTarget, lang, targetDigits(r.slTarget)),
        },
      ]}
      fields={() => [
        { name: 'code', label: t('skillGroup.code'), kind: 'text', required: true },
        { name: 'name', label: t('skillGroup.name'), kind: 'text', required: true },
        {
          name: 'slThresholdSeconds',
          label: t('skillGroup.slThresholdSeconds'),
          kind: 'integer',
          required: true,
          min: 1,
          max: 3600,
        },
        { name: 'slTarget', label: t('skillGroup.slTarget'), kind: 'number', required: true, min: 0.1, max: 100, step: 0.1 },
      ]}
      toValues={(r) => ({
        code: r?.code ?? '',
        name: r?.name ?? '',
        slThresholdSeconds: asText(r?.slThresholdSeconds ?? 20),
        slTarget: shareToPercent(r?.slTarget ?? 0.8),
      })}
      toBody={(v) => ({
        code: String(v.code).trim(),
        name: String(v.name).trim(),
        slThresholdSeconds: Number(v.slThresholdSeconds),
        slTarget: percentToShare(String(v.slTarget)),
      })}
    />
  );
}
