import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { HealthPanel } from './HealthPanel'

/** Header button for the health panel; turns red when the listener or the session has a problem. */
export function HealthButton() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const problem = useAppStore((s) => s.listener?.state === 'error' || s.session?.lastRenewalProblem != null)
  return (
    <>
      <button
        type="button"
        className={`header-button${problem ? ' header-button-problem' : ''}`}
        data-testid="open-health"
        data-problem={problem}
        onClick={() => setOpen(true)}
      >
        {t('health.open')}
      </button>
      {open && <HealthPanel onClose={() => setOpen(false)} />}
    </>
  )
}
