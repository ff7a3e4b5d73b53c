import { useTranslation } from 'react-i18next';
import { compactDiff, showValue } from '../lib/compact-diff.ts';

/** An audit entry's changes, one line per changed field: `field: before → after`. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = compactDiff(before, after);
  if (changes.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <ul className="diff">
      {changes.map((c) => (
        <li key={c.path}>
          <span className="diff-path">{c.path}</span> {c.before !== undefined && <del>{showValue(c.before)}</del>}
          {c.before !== undefined && c.after !== undefined && ' → '}
          {c.after !== undefined && <ins>{showValue(c.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}
