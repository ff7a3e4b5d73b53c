import { useTranslation } from 'react-i18next';
import type { Site } from '../../api/types.ts';
import { ResourcePage } from '../../components/resource-page.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { asText } from '../../lib/field-spec.ts';
import { formatNumber } from '../../lib/format.ts';

/** 职场: sites and their seat counts. */
export default function SitesPage() {
  const { t } = useTranslation();
  return (
    <ResourcePage<Site>
      navId="sites"
      path="/sites"
      columns={[
        { key: 'name', header: t('site.name'), value: (r) => r.name },
        {
          key: 'seats',
          header: t('site.seats'),
          value: (r) => r.seats,
          numeric: true,
          render: (r) => formatNumber(r.seats, currentLang()),
        },
      ]}
      fields={() => [
        { name: 'name', label: t('site.name'), kind: 'text', required: true },
        { name: 'seats', label: t('site.seats'), kind: 'integer', required: true, min: 0, max: 100_000 },
      ]}
      toValues={(r) => ({ name: r?.name ?? '', seats: asText(r?.seats ?? '') })}
      toBody={(v) => ({ name: String(v.name).trim(), seats: Number(v.seats) })}
    />
  );
}
