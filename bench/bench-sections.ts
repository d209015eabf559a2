/** The parts of `npm run bench`, in the order they run. */
export const SECTIONS = ['ingest', 'history', 'memory', 'map', 'e2e'] as const
export type Section = (typeof SECTIONS)[number]

/**
 * Which sections to run: all by default; `--sections=map,e2e` (or BENCH_SECTIONS=map,e2e) for some,
 * e.g. to measure the map alone while another bench holds the machine's other core. An unknown name
 * is an error that lists the known ones, not a silently empty run.
 */
export function selectSections(argv: readonly string[], env: NodeJS.ProcessEnv): Set<Section> {
  const flag = argv.find((arg) => arg.startsWith('--sections='))?.slice('--sections='.length)
  const asked = flag ?? env.BENCH_SECTIONS
  if (asked === undefined || asked.trim() === '') return new Set(SECTIONS)
  const names = asked.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(`unknown bench section(s) ${unknown.join(', ')}: choose from ${SECTIONS.join(', ')}`)
  }
  return new Set(names as Section[])
}
