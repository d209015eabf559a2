import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/domain/errors'
import { describe as say } from '../../shared/errors/describe'
import { parseRelayCommand } from './relay-options'

const env = {
  TAGORA_EMAIL: 'ops@example.com',
  TAGORA_PASSWORD: 'pw',
  TAGORA_API_URL: 'http://127.0.0.1:9/v1',
}
const noFile = (): string => {
  throw new Error('no file expected')
}
const PUBLIC = ['--public-url', 'https://relay.example.com/tagora/events']

function refusal(argv: string[], environment: Record<string, string> = env): AppError {
  try {
    parseRelayCommand(argv, environment, noFile)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the relay command line', () => {
  it('serves with defaults for NATS, port and bind address', () => {
    expect(parseRelayCommand([...PUBLIC, '--node', 'n1'], env, noFile)).toEqual({
      kind: 'serve',
      nats: 'nats://127.0.0.1:4222',
      port: 8080,
      bind: '127.0.0.1',
      publicUrl: 'https://relay.example.com/tagora/events',
      node: 'n1',
      credentials: { apiUrl: 'http://127.0.0.1:9/v1', email: 'ops@example.com', password: 'pw' },
    })
  })

  it('reads the password from TAGORA_PASSWORD_FILE (a container secret), without its newline', () => {
    const command = parseRelayCommand(
      [...PUBLIC, '--port=0', '--bind', '0.0.0.0'],
      { TAGORA_EMAIL: 'ops@example.com', TAGORA_PASSWORD_FILE: '/run/secrets/tagora' },
      (path) => (path === '/run/secrets/tagora' ? 'secret-pw\n' : ''),
    )
    expect(command).toMatchObject({ port: 0, bind: '0.0.0.0', credentials: { password: 'secret-pw' } })
  })

  it('reads the keys commands', () => {
    expect(parseRelayCommand(['--nats', 'nats://n:4222', 'keys', 'add', 'desk-1'], {}, noFile)).toEqual({
      kind: 'keys',
      nats: 'nats://n:4222',
      action: 'add',
      name: 'desk-1',
    })
    expect(parseRelayCommand(['keys', 'list'], {}, noFile)).toMatchObject({ action: 'list', name: null })
  })

  it.each([
    [[], 'relay-needs-public-url'],
    [['--public-url', 'http://relay.example.com/x'], 'post-url-not-https'],
    [['--public-url', 'https://10.0.0.4/x'], 'post-url-private-ip'],
    [['--public-url', 'https://relay.example.com/feed'], 'relay-path-taken'],
    [[...PUBLIC, '--port', '70000'], 'relay-bad-port'],
    [[...PUBLIC, '--verbose'], 'relay-usage'],
    [['keys', 'add'], 'relay-usage'],
    [['keys', 'rotate', 'x'], 'relay-usage'],
    [['keys', 'add', 'desk one'], 'relay-key-name'],
  ])('refuses %j as %s', (argv, code) => {
    const error = refusal(argv)
    expect(error.code).toBe(code)
    // Words in both languages for the operator.
    expect(say(error, 'en')).not.toBe('')
    expect(say(error, 'es-MX')).not.toBe(say(error, 'en'))
  })

  it('needs Tagora credentials, and an API URL a password may go to', () => {
    expect(refusal(PUBLIC, { TAGORA_EMAIL: 'ops@example.com' }).code).toBe('relay-needs-credentials')
    expect(refusal(PUBLIC, { ...env, TAGORA_API_URL: 'http://tagora.example.com/v1' }).code).toBe(
      'needs-https',
    )
  })
})
