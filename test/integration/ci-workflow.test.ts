import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const ROOT = join(import.meta.dirname, '../..')

// No JSON schema for GitHub workflows ships in node_modules, so this is the part of GitHub's workflow
// syntax the file uses, strict about keys: a typo (`run-on`, `with:` under `run`) fails here before
// a runner ever sees it. Parsed with `yaml`.
const stepSchema = z
  .object({
    name: z.string().optional(),
    id: z.string().optional(),
    if: z.string().optional(),
    uses: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+@v\d+$/)
      .optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    run: z.string().optional(),
    shell: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    'working-directory': z.string().optional(),
    'timeout-minutes': z.number().optional(),
  })
  .strict()
  .refine((step) => (step.uses === undefined) !== (step.run === undefined), 'a step has uses or run')
  .refine((step) => step.with === undefined || step.uses !== undefined, 'with belongs to a uses step')

const jobSchema = z
  .object({
    name: z.string().optional(),
    'runs-on': z.string(),
    strategy: z
      .object({
        'fail-fast': z.boolean().optional(),
        matrix: z.object({ include: z.array(z.record(z.string(), z.string())) }).strict(),
      })
      .strict()
      .optional(),
    'timeout-minutes': z.number().optional(),
    needs: z.union([z.string(), z.array(z.string())]).optional(),
    if: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict()

const workflowSchema = z
  .object({
    name: z.string(),
    on: z.record(z.string(), z.unknown()),
    permissions: z.record(z.string(), z.enum(['read', 'write', 'none'])).optional(),
    env: z.record(z.string(), z.string()).optional(),
    jobs: z.record(z.string(), jobSchema),
  })
  .strict()

type Workflow = z.infer<typeof workflowSchema>
type Step = Workflow['jobs'][string]['steps'][number]

const workflow = workflowSchema.parse(
  parse(readFileSync(join(ROOT, '.github/workflows/desktop.yml'), 'utf8')),
)
const job = workflow.jobs.installers
const steps: Step[] = job?.steps ?? []

describe('the desktop CI workflow for real runners', () => {
  it('parses as a workflow, with read-only permissions by default', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
  })

  it('builds the installers on Linux, Windows and macOS, with the targets electron-builder.yml names', () => {
    const include = job?.strategy?.matrix.include ?? []
    expect(include.map((entry) => entry.os?.split('-')[0])).toEqual(['ubuntu', 'windows', 'macos'])
    expect(include.map((entry) => entry.targets)).toEqual(['--linux AppImage deb', '--win nsis', '--mac dmg'])
    expect(job?.['runs-on']).toBe('${{ matrix.os }}')
    const installers = steps.find((step) => step.run?.includes('electron-builder'))
    expect(installers?.run).toMatch(/--publish never/)
  })

  it('installs with the Electron runtime and runs the _electron spec under Xvfb on Linux', () => {
    const install = steps.find((step) => step.run?.startsWith('npm ci'))
    expect(install?.env?.ELECTRON_SKIP_BINARY_DOWNLOAD).toBeUndefined()
    const e2e = steps.find((step) => step.run?.includes('playwright test test/electron'))
    expect(e2e?.if).toBe("runner.os == 'Linux'")
    expect(e2e?.run).toMatch(/xvfb-run -a npx playwright test test\/electron/)
    // Build before the tests: the harness and the spec run what electron-vite built.
    const order = (text: string) => steps.findIndex((step) => step.run?.includes(text))
    expect(order('npm run build')).toBeLessThan(order('npm run test:unit'))
    expect(order('npm run build')).toBeLessThan(order('playwright test'))
  })
})
