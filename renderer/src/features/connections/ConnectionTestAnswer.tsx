import { useTranslation } from 'react-i18next'
import type { CallAnswerPreview } from '../../../../shared/domain/connections'

/**
 * What the protected test call returned: status, how many items its list held and the first few, so the
 * desk sees the token do real work. Main hid every credential before it crossed.
 */
export function ConnectionTestAnswer({ answer }: { answer: CallAnswerPreview }) {
  const { t } = useTranslation()
  const summary =
    answer.itemCount === null
      ? t('connections.answerBody', { status: answer.status })
      : t('connections.answerItems', {
          status: answer.status,
          count: answer.itemCount,
          list: answer.listField ?? t('connections.answerRoot'),
        })
  return (
    <>
      <dt>{t('connections.answer')}</dt>
      <dd data-testid="connection-answer" data-status={answer.status} data-items={answer.itemCount ?? ''}>
        {summary}
        {answer.items.length > 0 && (
          <ul className="connection-answer-items">
            {answer.items.map((item, index) => (
              <li key={index} className="mono" data-testid="connection-answer-item">
                {item}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  )
}
