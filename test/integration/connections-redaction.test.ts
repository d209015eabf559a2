import { describe, expect, it } from 'vitest'
import { redact, redactText } from '../../core/logging/redact'
import { connectionConfig, createConnectionKit } from '../support/connection-kit'
import { startFakeServer } from '../fakes/fake-http'

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

describe('a vendor that echoes credentials in its error body never gets them into the log', () => {
  const SECRET = 'tavio-client-secret-XYZ'

  it('hides HTTP Basic, client_secret= and x-api-key: from the whole path (fake → error → log)', async () => {
    const kit = createConnectionKit()
    const server = await startFakeServer((request) => ({
      status: 401,
      body: {
        error: 'invalid_client',
        // Some servers quote the request back: everything a credential could hide in.
        error_description: `Received Authorization: ${request.headers.authorization ?? ''}; body grant_type=client_credentials&client_secret=${SECRET}; x-api-key: ${SECRET}`,
      },
    }))
    try {
      await kit.service.save(
        connectionConfig({
          id: 'adm',
          name: 'Tavio admin',
          scheme: 'tavio-orgadmin',
          baseUrl: server.url,
          orgDomain: 'acme',
          clientId: 'client-1',
        }),
        SECRET,
      )
      await kit.service.connectAll()
      const basic = /^Basic (\S+)$/.exec(server.requests[0]?.headers.authorization ?? '')?.[1]
      expect(basic).toBeDefined()
      const logged = kit.logs.join('\n')
      expect(logged).toContain('could not sign in at start-up')
      expect(logged).toContain('invalid_client')
      expect(logged).not.toContain(basic ?? 'no basic credential was sent')
      expect(logged).not.toContain(SECRET)
    } finally {
      kit.service.dispose()
      await server.close()
    }
  })
})
