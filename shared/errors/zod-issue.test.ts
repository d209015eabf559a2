import { describe, expect, it } from 'vitest'
import { apiUrlInputSchema } from '../schemas/settings'
import { infoOfIssues } from './zod-issue'

describe('infoOfIssues', () => {
  it('takes a schema message that is a catalog code as the code', () => {
    const parsed = apiUrlInputSchema.safeParse('http://tagora.example.com/v1')
    expect(infoOfIssues(parsed.error?.issues ?? [])).toEqual({ code: 'needs-https' })
  })

  it("keeps zod's own words as the detail of a check that names no code", () => {
    expect(infoOfIssues([{ message: 'Too big: expected string to have <=80 characters' }])).toEqual({
      code: 'invalid-input',
      facts: { detail: 'Too big: expected string to have <=80 characters' },
    })
    expect(infoOfIssues([])).toEqual({ code: 'invalid-input', facts: { detail: 'Invalid input' } })
  })
})
