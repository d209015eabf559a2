import { describe, expect, it } from 'vitest'
import { redact, redactText } from '../../electron/main/services/logging/redact'

describe('redaction covers the vendor schemes', () => {
  it('hides Agora, 8x8, Nugios and OAuth credentials by field name', () => {
    const logged = redact({
      headers: {
        'x-agora-token': '006abc',
        'x-agora-uid': 'user-1',
        'X-nugios-refresh-token': 'n1',
        Authorization: 'agora token=007x',
      },
      body: { auth_token: 'agent', client_secret: 's3', refreshToken: 'r1', accessToken: 'a1' },
    })
    const text = JSON.stringify(logged)
    for (const secret of ['006abc', 'n1', '007x', 'agent', 's3', 'r1', 'a1'])
      expect(text).not.toContain(`"${secret}"`)
    expect(text).toContain('user-1')
  })

  it('hides them inside free text too', () => {
    const text = redactText(
      'sent Authorization: agora token=007eJxT123 and {"auth_token":"abc"} x-agora-token=006zz',
    )
    expect(text).not.toMatch(/007eJxT123|"abc"|006zz/)
  })
})
