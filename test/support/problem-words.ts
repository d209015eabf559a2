import type { TokenProblem } from '../../shared/domain/session'
import { describeTokenProblem, translator } from '../../shared/errors/describe'

/** A token problem in English, as the catalog says it: what tests read where a state holds only facts. */
export function problemWords(problem: TokenProblem | null | undefined): string {
  return problem ? describeTokenProblem(translator('en'), problem) : ''
}
