import type { KeyboardEvent } from 'react'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../lib/i18n'
import { useAppStore } from '../../store'
import {
  assetFixTime,
  assetSpeed,
  assetStatus,
  selectDevices,
  selectDeviceSearch,
  selectSelectedAssetId,
  selectTelemetryVersion,
} from '../../store/selectors'
import { buildSearchIndex, filterDevices } from './device-filter'
import { buildDeviceView } from './device-view'
import { DeviceFilters } from './DeviceFilters'
import { exportFileName, positionsCsv } from '../export/positions-csv'
import { downloadText } from '../export/download-text'
import { useThrottled } from '../../lib/use-throttled'
import { useNow } from '../../lib/use-now'
import { DeviceRow } from './DeviceRow'
import { SyncStatus } from './SyncStatus'
import { useElementHeight } from './use-element-height'
import { computeWindow, scrollToReveal } from './virtual-window'
import './devices.css'

const ROW_HEIGHT = 48
const OVERSCAN = 8

export function DeviceList() {
  const { t } = useTranslation()
  const language = useLanguage()
  // Ages of stale and offline vehicles move on even when no batch arrives (deliveries stopped).
  const now = useNow(5000)
  const devices = useAppStore(selectDevices)
  const search = useAppStore(selectDeviceSearch)
  const setSearch = useAppStore((s) => s.setDeviceSearch)
  const selectAsset = useAppStore((s) => s.selectAsset)
  const selectedAssetId = useAppStore(selectSelectedAssetId)
  // Subscribed only to re-render the visible rows when telemetry changes; the columns are read below.
  const telemetryVersion = useAppStore(selectTelemetryVersion)
  const telemetry = useAppStore((s) => s.telemetry)
  const filter = useAppStore((s) => s.deviceFilter)
  const sort = useAppStore((s) => s.deviceSort)
  const outOfScope = useAppStore((s) => s.outOfScopeAssetIds)

  const deferredSearch = useDeferredValue(search)
  const index = useMemo(() => buildSearchIndex(devices), [devices])
  const searchMatches = useMemo(() => filterDevices(index, deferredSearch), [index, deferredSearch])
  // Status and speed change with every batch; re-filtering and re-sorting once a second is plenty
  // and keeps rows from jumping under the pointer.
  const viewVersion = useThrottled(telemetryVersion, 1000)
  const view = useMemo(
    () => buildDeviceView({ devices, searchMatches, telemetry, filter, sort, outOfScope }),
    // viewVersion stands for the telemetry columns, which are mutated in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [devices, searchMatches, telemetry, filter, sort, outOfScope, viewVersion],
  )
  const matches = view.rows

  const viewportRef = useRef<HTMLDivElement>(null)
  const viewportHeight = useElementHeight(viewportRef)
  const [scrollTop, setScrollTop] = useState(0)
  const win = computeWindow({
    scrollTop,
    viewportHeight,
    rowHeight: ROW_HEIGHT,
    rowCount: matches.length,
    overscan: OVERSCAN,
  })

  const reveal = useCallback(
    (row: number) => {
      const el = viewportRef.current
      if (!el) return
      const next = scrollToReveal(row, el.scrollTop, el.clientHeight, ROW_HEIGHT)
      if (next !== null) el.scrollTop = next
    },
    [viewportRef],
  )

  // A selection made on the map scrolls its row into view.
  useEffect(() => {
    if (selectedAssetId === null) return
    const row = matches.findIndex((i) => devices[i]?.assetId === selectedAssetId)
    if (row >= 0) reveal(row)
  }, [selectedAssetId, matches, devices, reveal])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const current = matches.findIndex((i) => devices[i]?.assetId === selectedAssetId)
    const next = Math.min(matches.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)))
    const device = devices[matches[next] ?? -1]
    if (device) selectAsset(device.assetId)
  }

  const rows = []
  for (let row = win.start; row < win.end; row++) {
    const device = devices[matches[row] ?? -1]
    if (!device) continue
    rows.push(
      <DeviceRow
        key={device.assetId}
        device={device}
        status={assetStatus(telemetry, device.assetId)}
        speed={assetSpeed(telemetry, device.assetId)}
        fixTime={assetFixTime(telemetry, device.assetId)}
        now={now}
        selected={device.assetId === selectedAssetId}
        outOfScope={outOfScope?.has(device.assetId) ?? false}
        top={row * ROW_HEIGHT}
        language={language}
        onSelect={selectAsset}
      />,
    )
  }

  const filtered = deferredSearch.trim() !== '' || filter !== 'all'
  return (
    <div className="device-list">
      <div className="device-list-head">
        <input
          type="search"
          className="device-search"
          data-testid="device-search"
          placeholder={t('devices.search')}
          aria-label={t('devices.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="device-count-row">
          <div
            className="device-count"
            data-testid="device-count"
            data-total={devices.length}
            data-shown={matches.length}
          >
            {filtered
              ? t('devices.filtered', { shown: matches.length, total: devices.length })
              : t('devices.count', { count: devices.length })}
          </div>
          <button
            type="button"
            className="link-button"
            data-testid="export-csv"
            disabled={matches.length === 0}
            title={t('devices.exportHint')}
            onClick={() =>
              downloadText(
                exportFileName(new Date()),
                positionsCsv(devices, matches, useAppStore.getState().telemetry),
              )
            }
          >
            {t('devices.export')}
          </button>
        </div>
      </div>
      <DeviceFilters counts={view.counts} />
      <SyncStatus />
      <div
        ref={viewportRef}
        className="device-viewport"
        role="listbox"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div className="device-canvas" style={{ height: win.totalHeight }}>
          {rows}
        </div>
        {matches.length === 0 && (
          <p className="device-empty">
            {filtered
              ? deferredSearch.trim() !== ''
                ? t('devices.noMatch', { text: deferredSearch })
                : t('devices.noneWithStatus')
              : t('devices.empty')}
          </p>
        )}
      </div>
    </div>
  )
}
