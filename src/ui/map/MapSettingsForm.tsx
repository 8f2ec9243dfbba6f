// Where the map's tiles come from: the tile server (default OpenStreetMap) and the optional offline area map file.
// No Leaflet here, so the settings screen could show this form too without loading the map.
import { type FormEvent, useState } from 'react'
import { StorageError } from '../../data/db'
import {
  type MapTileSettings,
  OSM_TILES,
  removeOfflineAreaMap,
  saveMapTileSettings,
  saveOfflineAreaMap,
  useMapTileSettings,
  useOfflineAreaMap,
} from '../../data/map-settings'
import { TILE_CACHE_MAX_AGE_DAYS, TILE_CACHE_MAX_ENTRIES } from '../../data/tile-cache'
import type { FieldErrors } from '../../data/write'
import { type CoreKey, formatNumber, useI18n, useT } from '../i18n'
import { TextField } from '../shared/Field'
import { AREA_ERROR_KEY, AreaMapError, openAreaMap } from './area'
import { type MapKey, mapMessages } from './messages'

const MB = 1024 * 1024

export function MapSettingsForm() {
  const t = useT(mapMessages)
  const saved = useMapTileSettings()
  return (
    <div className="map-settings">
      {saved ? <TileServerForm initial={saved} /> : <p>{t('common.loading')}</p>}
      <AreaMapField />
    </div>
  )
}

/** Starts from the stored settings once: a later re-read must not overwrite what the kader is typing. */
function TileServerForm({ initial }: { initial: MapTileSettings }) {
  const { t, lang } = useI18n(mapMessages)
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [done, setDone] = useState(false)

  const save = async (next: MapTileSettings) => {
    setValues(next)
    setDone(false)
    const result = await saveMapTileSettings(next)
    setErrors(result.ok ? {} : result.errors)
    setDone(result.ok)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void save(values)
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label={t('map.tileUrl')}
        hint={t('map.tileUrlHint')}
        type="url"
        inputMode="url"
        autoCapitalize="off"
        spellCheck={false}
        value={values.urlTemplate}
        error={errors.urlTemplate}
        onChange={(urlTemplate) => setValues((v) => ({ ...v, urlTemplate }))}
      />
      <TextField
        label={t('map.attribution')}
        value={values.attribution}
        error={errors.attribution}
        onChange={(attribution) => setValues((v) => ({ ...v, attribution }))}
      />
      <p className="field-hint">
        {t('map.osmPolicy', {
          max: formatNumber(TILE_CACHE_MAX_ENTRIES, lang, 0),
          days: TILE_CACHE_MAX_AGE_DAYS,
        })}
      </p>
      <div className="button-row">
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => void save(OSM_TILES)}>
          {t('map.useOsm')}
        </button>
      </div>
      {done && <p role="status">{t('common.saved')}</p>}
    </form>
  )
}

type AreaState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; key: MapKey | CoreKey }

function AreaMapField() {
  const t = useT(mapMessages)
  const area = useOfflineAreaMap()
  const [state, setState] = useState<AreaState>({ kind: 'idle' })

  const load = async (file: File) => {
    setState({ kind: 'saving' })
    try {
      await openAreaMap(file, file.name)
      await saveOfflineAreaMap(file, file.name)
      setState({ kind: 'saved' })
    } catch (error) {
      if (error instanceof AreaMapError) setState({ kind: 'error', key: AREA_ERROR_KEY[error.reason] })
      else if (error instanceof StorageError) setState({ kind: 'error', key: `err.${error.reason}` })
      else throw error
    }
  }

  return (
    <fieldset className="field">
      <legend>{t('map.area')}</legend>
      <p className="field-hint">{t('map.areaHint')}</p>
      <p>
        {area
          ? t('map.areaLoaded', { name: area.name, size: (area.size / MB).toFixed(1) })
          : area === null
            ? t('map.areaNone')
            : t('common.loading')}
      </p>
      <label className="button secondary map-file">
        {t('map.areaFile')}
        <input
          type="file"
          accept=".pmtiles,application/vnd.pmtiles"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void load(file)
          }}
        />
      </label>
      {area && (
        <button
          type="button"
          className="button danger"
          onClick={() => void removeOfflineAreaMap().then(() => setState({ kind: 'idle' }))}
        >
          {t('map.areaRemove')}
        </button>
      )}
      {state.kind === 'saving' && <p role="status">{t('map.areaSaving')}</p>}
      {state.kind === 'saved' && <p role="status">{t('map.areaSaved')}</p>}
      {state.kind === 'error' && (
        <p className="field-message" role="alert">
          {t(state.key)}
        </p>
      )}
    </fieldset>
  )
}
