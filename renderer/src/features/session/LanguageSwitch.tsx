import { useTranslation } from 'react-i18next'
import type { Language } from '../../lib/language'
import { LANGUAGES } from '../../lib/language'
import { setLanguage, useLanguage } from '../../lib/i18n'

const LABELS: Record<Language, string> = { 'es-MX': 'ES', en: 'EN' }

export function LanguageSwitch() {
  const { t } = useTranslation()
  const current = useLanguage()
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={language === current ? 'active' : ''}
          aria-pressed={language === current}
          data-testid={`language-${language}`}
          onClick={() => void setLanguage(language)}
        >
          {LABELS[language]}
        </button>
      ))}
    </div>
  )
}
