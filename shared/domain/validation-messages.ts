/**
 * Every sentence the shared schemas say about bad input, by key. The schemas (and so main's errors) use
 * the English; the renderer finds the key of an English sentence and shows that key in the user's
 * language (`renderer/src/lib/error-text.ts`), so one schema serves both processes and both languages.
 */
export const VALIDATION_MESSAGES = {
  pathOverride: 'A path override starts with / (leave it empty for the default)',
  pathOverrideServer:
    'A path override is a path on the base URL’s server: one / at the start, no // or \\, no spaces',
  secureUrl: 'Use an https:// address (plain http:// only for this computer: localhost, 127.0.0.1, ::1)',
  insecureUrl:
    'This address uses plain http:// to another computer, so Fleet Monitor does not send passwords, tokens or keys to it. Change it to https://.',
  lifetime: 'The token lifetime is a whole number of seconds',
  connectionName: 'Give the connection a name',
  baseUrl: 'Enter the full base URL, e.g. https://…',
  appId: 'Enter the App ID',
  login: 'Enter the login',
  orgDomain: 'Enter the organization domain',
  username: 'Enter the username',
  clientId: 'Enter the OAuth client id',
  secret: 'Enter the secret',
  secretWithScheme:
    'Paste the key or token alone, without "Bearer" or "agora token=": the app adds the scheme.',
  secretWhitespace: 'The secret contains spaces or line breaks; paste it again.',
  phone: 'Enter the phone number in international format with its country code, e.g. +5215512345678',
  callReferenceShort: 'The call reference must have at least 8 characters',
  callReferenceLong: 'The call reference must have at most 20 characters',
  webhookId: 'An id is digits or a uuid (letters, digits and dashes)',
  email: 'Enter a valid email address',
  password: 'Enter your password',
  apiUrl: 'Enter a full URL, e.g. https://…',
  webhookName: 'Give the webhook a name',
  postUrl: 'Enter the public URL Tagora should post to',
} as const

export type ValidationKey = keyof typeof VALIDATION_MESSAGES

/** The key of an English validation sentence, or undefined for one the schemas do not use. */
export function validationKeyOf(message: string): ValidationKey | undefined {
  return (Object.keys(VALIDATION_MESSAGES) as ValidationKey[]).find(
    (key) => VALIDATION_MESSAGES[key] === message,
  )
}
