import { useTranslation } from 'react-i18next';
import type { HandlingUnit } from '../../api/types.ts';
import { ResourcePage } from '../../components/resource-page.tsx';
import { textOrNull } from '../../lib/field-spec.ts';

/** 承办单位: the units work orders are dispatched to, and whether they may see citizens' personal data. */
export default function HandlingUnitsPage() {
  const { t } = useTranslation();
  return (
    <ResourcePage<HandlingUnit>
      navId="handlingUnits"
      path="/handling-units"
      columns={[
        { key: 'code', header: t('unit.code'), value: (r) => r.code },
        { key: 'name', header: t('unit.name'), value: (r) => r.name },
        { key: 'headName', header: t('unit.headName'), value: (r) => r.headName },
        {
          key: 'canSeePersonalData',
          header: t('unit.canSeePersonalData'),
          value: (r) => r.canSeePersonalData,
          render: (r) => (r.canSeePersonalData ? t('common.yes') : t('common.no')),
        },
      ]}
      fields={() => [
        { name: 'code', label: t('unit.code'), kind: 'text', required: true },
        { name: 'name', label: t('unit.name'), kind: 'text', required: true },
        { name: 'headName', label: t('unit.headName'), kind: 'text' },
        { name: 'canSeePersonalData', label: t('unit.canSeePersonalData'), kind: 'checkbox' },
      ]}
      toValues={(r) => ({
        code: r?.code ?? '',
        name: r?.name ?? '',
        headName: r?.headName ?? '',
        canSeePersonalData: r?.canSeePersonalData ?? false,
      })}
      toBody={(v) => ({
        code: String(v.code).trim(),
        name: String(v.name).trim(),
        headName: textOrNull(v.headName),
        canSeePersonalData: v.canSeePersonalData === true,
      })}
    />
  );
}
