import { useTranslation } from 'react-i18next';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      {roles.map((r) => (
        <span key={r} className={`badge role-${r}`}>
          {t(`roles.${r}`)}
        </span>
      ))}
    </span>
  );
}
