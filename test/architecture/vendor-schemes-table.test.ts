import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// docs/vendor-schemes.md traces each seed sentence to a decision and the test that holds it. A renamed
// or deleted test would leave the table pointing at nothing: every row must name a test that exists.

const doc = readFileSync('docs/vendor-schemes.md', 'utf8')
const table = doc.slice(doc.indexOf('## Seed sentence → decision → test'))
const ROW = /^\| (.+?) \| (.+?) \| `([^`]+)` › (.+?) \|$/

const rows = table
  .split('\n')
  .map((line) => ROW.exec(line))
  .flatMap((match) =>
    match ? [{ sentence: match[1] ?? '', file: match[3] ?? '', name: match[4] ?? '' }] : [],
  )

describe('the seed-sentence table of docs/vendor-schemes.md', () => {
  it('has a row for each vendor document', () => {
    for (const vendor of ['8x8', 'Nugios', 'Tavio', 'Agora'])
      expect(
        rows.some((row) => row.sentence.startsWith(vendor)),
        vendor,
      ).toBe(true)
  })

  it.each(rows.map((row) => [row.file, row.name] as const))('%s › %s exists', (file, name) => {
    const source = readFileSync(file, 'utf8')
    expect(source).toMatch(new RegExp(`(it|test)\\(\\s*'${escape(name)}'`))
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
