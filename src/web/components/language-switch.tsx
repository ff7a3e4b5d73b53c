import { useTranslation } from 'react-i18next';
import { LANGS, setLanguage } from '../i18n/i18n.ts';
import type { Lang } from '../lib/format.ts';

/** 中文 / English toggle; each button names its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {LANGS.map((lang: Lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} onClick={() => setLanguage(lang)}>
          {t(`lang.${lang}`)}
        </button>
      ))}
    </fieldset>
  );
}
