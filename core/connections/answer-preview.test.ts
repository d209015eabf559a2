import { describe, expect, it } from 'vitest'
import { HIDDEN, PREVIEW_ITEM_CHARS, previewAnswer } from './answer-preview'

describe('what a protected call returned, as the desk sees it', () => {
  it('counts the list and shows its first three items', () => {
    const body = {
      environments: [{ domain: 'a' }, { domain: 'b' }, { domain: 'c' }, { domain: 'd' }],
      total: 4,
    }
    expect(previewAnswer(200, body)).toEqual({
      status: 200,
      itemCount: 4,
      listField: 'environments',
      items: ['{"domain":"a"}', '{"domain":"b"}', '{"domain":"c"}'],
    })
    expect(previewAnswer(200, [1, 2])).toMatchObject({ itemCount: 2, listField: null, items: ['1', '2'] })
    expect(previewAnswer(200, { data: { devices: [] } })).toMatchObject({
      itemCount: 0,
      listField: 'data.devices',
    })
  })

  it('hides every credential-named field and JWT, however deep, and cuts long items', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln'
    const body = {
      auth_token: 'opaque-123',
      nested: { refreshToken: 'r', client_secret: 's', note: `token ${jwt}`, apiKey: 'k', fine: 'yes' },
    }
    const [item] = previewAnswer(200, body).items
    for (const secret of ['opaque-123', '"r"', '"s"', jwt, '"k"']) expect(item).not.toContain(secret)
    expect(item).toContain(HIDDEN)
    expect(item).toContain('"fine":"yes"')
    const long = previewAnswer(200, { text: 'x'.repeat(1000) }).items[0] ?? ''
    expect(long).toHaveLength(PREVIEW_ITEM_CHARS)
    expect(long.endsWith('…')).toBe(true)
  })

  it('says nothing more than the status when the answer has no body', () => {
    expect(previewAnswer(204, null)).toEqual({ status: 204, itemCount: null, listField: null, items: [] })
  })
})
