import type { ReactNode } from 'react'
import { useEffect } from 'react'

interface Props {
  /** 'dialog': centred card; 'drawer': full-height panel on the right. */
  placement: 'dialog' | 'drawer'
  label: string
  testId: string
  /** The panel's own class (its size and look); the backdrop is shared. */
  className: string
  onClose: () => void
  children: ReactNode
}

/**
 * A modal panel over the app: closes on Escape and on a click outside it, and is announced as a
 * dialog. One implementation for the setup drawer, the connections dialog and the health panel.
 */
export function Modal({ placement, label, testId, className, onClose, children }: Props) {
  useEffect(
    function closeOnEscape() {
      const onKey = (event: KeyboardEvent): void => {
        if (event.key === 'Escape') onClose()
      }
      window.addEventListener('keydown', onKey)
      return () => window.removeEventListener('keydown', onKey)
    },
    [onClose],
  )
  return (
    <div className={`modal-backdrop modal-${placement}`} onClick={onClose}>
      <section
        className={placement === 'dialog' ? `modal-card ${className}` : className}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        {children}
      </section>
    </div>
  )
}
