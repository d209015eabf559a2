// `npm run fuzz`: the full run (100,000 inputs); `--slice` is the bounded run CI makes (`npm test`).
// Prints one JSON report on stdout, progress on stderr; exits 1 when any check failed.
import { runFuzz } from './fuzz-run'

const FULL_INPUTS = 100_000
/** Sized to finish well inside 60 s on two shared cores, host start-up included. */
const SLICE_INPUTS = 15_000
const SLICE_DEADLINE_MS = 60_000
/** The slice waits at most this long for the heap to come back, so the whole step stays under a minute. */
const SLICE_SETTLE_MS = 20_000

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at === -1 ? undefined : process.argv[at + 1]
}

const slice = process.argv.includes('--slice')
const total = Number(option('--inputs') ?? (slice ? SLICE_INPUTS : FULL_INPUTS))
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31)
if (!Number.isInteger(total) || total < 100 || !Number.isInteger(seed)) {
  process.stderr.write('usage: run-fuzz [--slice] [--inputs N (>= 100)] [--seed N]\n')
  process.exit(2)
}

const started = Date.now()
const report = await runFuzz({
  total,
  seed,
  settleMaxMs: slice ? SLICE_SETTLE_MS : undefined,
  log: (line) => process.stderr.write(`fuzz ${line}\n`),
})
const wallMs = Date.now() - started
if (slice && wallMs > SLICE_DEADLINE_MS)
  report.failures.push(`the CI slice took ${wallMs} ms in all, over its ${SLICE_DEADLINE_MS} ms budget`)
process.stdout.write(JSON.stringify(report, null, 2) + '\n')
process.stderr.write(
  report.failures.length === 0
    ? `fuzz: ${report.inputs.total} inputs, no crash, no forged event, heap ${report.heapMiB.baseline} → ${report.heapMiB.after} MiB, RSS ${report.rssMiB.baseline} → ${report.rssMiB.after} MiB (peak ${report.rssMiB.peak})\n`
    : `fuzz FAILED (seed ${seed}):\n  ${report.failures.join('\n  ')}\n`,
)
process.exitCode = report.failures.length === 0 ? 0 : 1
