import { describe, expect, it } from 'vitest'
import { DEFAULT_WEB_PORT, HostOptionError, defaultDataDir, parseHostOptions } from './cli-options'

const env = { FLEET_DATA_DIR: '/tmp/fleet-x' }
/** What Electron's process.argv carries besides the app's flags (Chromium, Playwright, Squirrel, Ubuntu). */
const ELECTRON_SWITCHES = [
  '--no-sandbox',
  '--ozone-platform=wayland',
  '--inspect=0',
  '--remote-debugging-port=0',
  '--squirrel-firstrun',
  '--enable-features=UseOzonePlatform',
]

describe('parseHostOptions, Electron reading (unknown switches ignored)', () => {
  const electron = (argv: string[]) => parseHostOptions(argv, env, { unknown: 'ignore' })

  it('picks the app’s own flags out of Chromium’s and Electron’s switches and the app path', () => {
    const options = electron(['.', ...ELECTRON_SWITCHES, '--demo', '--listener-port', '0'])
    expect(options).toMatchObject({ demo: true, listenerPort: 0, portGiven: false, port: DEFAULT_WEB_PORT })
    // Playwright's launch puts its switches before the app path; a packaged app has no app path.
    expect(electron(['--inspect=0', '--remote-debugging-port=0', '/opt/app', '--demo']).demo).toBe(true)
    expect(electron(ELECTRON_SWITCHES)).toMatchObject({ demo: false, listenerPort: undefined })
  })

  it('reads --flag=value like --flag value', () => {
    expect(electron(['--port=8788'])).toMatchObject({ port: 8788, portGiven: true })
    expect(electron(['--port', '8788'])).toMatchObject({ port: 8788, portGiven: true })
    expect(electron(['--listener-port=0']).listenerPort).toBe(0)
    expect(electron(['--resolve=desk.example.net:443:127.0.0.1']).resolve).toEqual([
      { host: 'desk.example.net', port: 443, address: '127.0.0.1' },
    ])
  })

  it('still refuses a bad value of its own flags, as facts a host can translate', () => {
    const thrown = (() => {
      try {
        electron(['--no-sandbox', '--port=eighty'])
      } catch (error) {
        return error
      }
      return null
    })()
    expect(thrown).toBeInstanceOf(HostOptionError)
    expect(thrown).toMatchObject({ problem: 'bad-port', option: '--port', value: 'eighty' })
    expect(() => electron(['--listener-port'])).toThrow(HostOptionError)
    expect(() => electron(['--resolve', 'nonsense'])).toThrow(/HOST:PORT:ADDRESS/)
  })
})

describe('parseHostOptions, browser host reading (unknown switches refused)', () => {
  it('refuses an unknown flag, naming it without its value', () => {
    expect(() => parseHostOptions(['--prot=1'], env)).toThrow(/Unknown option --prot\./)
    expect(() => parseHostOptions(['--no-sandbox'], env)).toThrow(HostOptionError)
    expect(parseHostOptions(['--port=0', '--demo'], env)).toMatchObject({ port: 0, demo: true })
  })
})

describe('defaultDataDir', () => {
  it('is Electron’s appData for the platform plus one folder name, for both hosts', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/fleet-monitor')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/fleet-monitor')
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/fleet-monitor',
    )
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'win32', '/home/ana').replace(/\\/g, '/')).toBe(
      '/appdata/fleet-monitor',
    )
  })

  it('gives way to FLEET_DATA_DIR', () => {
    expect(parseHostOptions([], { FLEET_DATA_DIR: '/srv/desk3' }).dataDir).toBe('/srv/desk3')
  })
})
