import type { ConnectionConfig } from '../../shared/schemas/connections'
import type { BaseConnectionConfig, TokenScheme } from '../tokens/scheme'
import { agoraScheme } from './schemes/agora'
import { eightByEightScheme } from './schemes/eight-by-eight'
import { nugiosScheme } from './schemes/nugios'
import { tavioEnvScheme, tavioOrgAdminScheme, tavioOrgScheme } from './schemes/tavio'
import { TokenEngine } from '../tokens/token-engine'
import type { TokenEngineDeps } from '../tokens/token-engine-types'

/** A connection's engine; a Tavio connection with an environment has the orgauth engine as parent. */
export interface ConnectionEngines {
  engine: TokenEngine<BaseConnectionConfig>
  parent: TokenEngine<BaseConnectionConfig> | null
}

type Scheme = TokenScheme<BaseConnectionConfig>

function schemeFor(config: ConnectionConfig): Scheme {
  const schemes = {
    agora: agoraScheme,
    '8x8-video': eightByEightScheme,
    nugios: nugiosScheme,
    tavio: tavioOrgScheme,
    'tavio-orgadmin': tavioOrgAdminScheme,
  }
  return schemes[config.scheme]
}

/** Builds the engine(s) for one connection config. */
export function buildEngines(
  config: ConnectionConfig,
  deps: Omit<TokenEngineDeps, 'parent'>,
): ConnectionEngines {
  if (config.scheme === 'tavio' && config.envDomain !== '') {
    const parent = new TokenEngine(schemeFor(config), config, deps)
    const engine = new TokenEngine(tavioEnvScheme, config, {
      ...deps,
      parent,
    })
    return { engine, parent }
  }
  return { engine: new TokenEngine(schemeFor(config), config, deps), parent: null }
}
