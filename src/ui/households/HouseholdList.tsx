import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { lock } from '../../data/crypto/session'
import { useDrafts, useHouseholdListRows, useWorkArea } from '../../data/hooks'
import {
  filterOptions,
  type HouseholdFilter,
  type ListedRow,
  prepareSearch,
  shownRows,
} from '../../data/household-rows'
import { useSyncState } from '../../data/sync-hooks'
import { LIFE_STAGES, OVERLAYS } from '../../domain/lifecycle'
import { useT } from '../i18n'
import { paths } from '../router'
import { StageBadge, StageCode } from '../shared/StageBadge'
import { TopBar } from '../shared/TopBar'
import { useToday } from '../shared/today'
import { VirtualList } from '../shared/VirtualList'
import { SyncChip } from '../sync/SyncChip'
import { Welcome, welcomed } from './Welcome'

// Name (22.4 px), address (19.6 px) and the stage chips (20.8 px) with 8 px padding above and below: 79 px.
// A shorter row clipped the name ("Slamet Rivadi" for "Slamet Riyadi"), which tests/e2e/layout.test.ts guards.
const ROW_HEIGHT = 84

export function HouseholdList() {
  const t = useT()
  const today = useToday()
  const workArea = useWorkArea()
  // At unlock the rows come first from the sealed snapshot, then from the area as read (list-snapshot.ts).
  const list = useHouseholdListRows(workArea?.id, today)
  const rows = list?.listed
  const [filter, setFilter] = useState<HouseholdFilter>({})
  // Typing stays responsive on a slow phone: filtering runs on the deferred value.
  const deferredFilter = useDeferredValue(filter)
  const shown = useMemo(() => (list ? shownRows(list, deferredFilter) : []), [list, deferredFilter])
  const options = useMemo(() => (rows ? filterOptions(rows) : { dusun: [], rt: [] }), [rows])
  const full = list?.rows
  useEffect(() => (full ? prepareSearch(full) : undefined), [full])
  const set = (patch: HouseholdFilter) => setFilter((f) => ({ ...f, ...patch }))
  const drafts = useDrafts()
  const sync = useSyncState()
  const [trying, setTrying] = useState(welcomed)
  const [legend, setLegend] = useState(false)

  return (
    <main className="screen screen-list">
      <TopBar
        title={t('households.title')}
        action={
          <>
            <SyncChip />
            <button
              type="button"
              className="topbar-action topbar-button"
              onClick={lock}
              aria-label={t('lock.lock')}
            >
              {/* A drawn padlock: a phone without an emoji font shows 🔒 as an empty box. */}
              <svg width="20" height="22" viewBox="0 0 20 22" aria-hidden="true">
                <path d="M5 10V6a5 5 0 0 1 10 0v4" fill="none" stroke="currentColor" strokeWidth="2.2" />
                <rect x="2" y="10" width="16" height="11" rx="2" fill="currentColor" />
              </svg>
            </button>
            <a className="topbar-action" href={paths.settings()} aria-label={t('settings.title')}>
              ⚙
            </a>
          </>
        }
      />
      {drafts && drafts.length > 0 && (
        <a className="notice notice-link" href={paths.drafts()}>
          {t('drafts.banner', { n: drafts.length })} ›
        </a>
      )}
      <div className="filters">
        <input
          type="search"
          className="search"
          placeholder={t('households.searchPlaceholder')}
          aria-label={t('households.search')}
          value={filter.query ?? ''}
          onChange={(e) => set({ query: e.target.value })}
        />
        <div className="filter-row">
          <select
            aria-label={t('address.dusun')}
            value={filter.dusun ?? ''}
            onChange={(e) => set({ dusun: e.target.value || undefined })}
          >
            <option value="">{t('households.allDusun')}</option>
            {options.dusun.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <select
            aria-label={t('address.rt')}
            value={filter.rt ?? ''}
            onChange={(e) => set({ rt: e.target.value || undefined })}
          >
            <option value="">{t('households.allRt')}</option>
            {options.rt.map((rt) => (
              <option key={rt} value={rt}>
                RT {rt}
              </option>
            ))}
          </select>
          <select
            aria-label={t('households.stage')}
            value={filter.stage ?? ''}
            onChange={(e) => set({ stage: e.target.value || undefined })}
          >
            <option value="">{t('households.allStages')}</option>
            {[...LIFE_STAGES, ...OVERLAYS].map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* A search before the area is read waits for it: the snapshot holds no member's name or NIK. */}
      {rows === undefined || shown === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        sync && !sync.loggedIn && !sync.needsLogin && !trying ? (
          <div className="fab-clear-scroll">
            <Welcome onTry={() => setTrying(true)} />
          </div>
        ) : (
          <div className="empty">
            <p>{t('households.empty')}</p>
          </div>
        )
      ) : (
        <>
          <div className="count-row">
            <p className="count" aria-live="polite">
              {t('households.count', { shown: shown.length, total: rows.length })}
            </p>
            <button
              type="button"
              className="legend-toggle"
              aria-expanded={legend}
              aria-controls="stage-legend"
              onClick={() => setLegend((open) => !open)}
            >
              {t('households.legend')}
            </button>
          </div>
          {legend && <StageLegend />}
          <VirtualList
            items={shown}
            rowHeight={ROW_HEIGHT}
            getKey={(row) => row.id}
            renderRow={(row) => <HouseholdRowLink row={row} />}
            label={t('households.title')}
          />
        </>
      )}
      <a className="fab" href={paths.householdNew()}>
        + {t('households.add')}
      </a>
    </main>
  )
}

/** What the stage codes on the rows mean: a letter code is never explained by colour alone. */
function StageLegend() {
  const t = useT()
  return (
    <ul id="stage-legend" className="legend-list" aria-label={t('households.legend')}>
      {[...LIFE_STAGES, ...OVERLAYS].map((s) => (
        <li key={s}>
          <StageCode stage={s} /> {t(`stage.${s}`)}
        </li>
      ))}
    </ul>
  )
}

// Memoised: each keystroke renders the list twice (the input at once, the filtered rows deferred); the rows
// that stay in view need neither render again.
const HouseholdRowLink = memo(function HouseholdRowLink({ row }: { row: ListedRow }) {
  const t = useT()
  return (
    <a className="row" href={paths.household(row.id)}>
      <span className="row-title">{row.headName}</span>
      <span className="row-sub">
        {row.dusun} · RT {row.rt}/RW {row.rw} · {t('households.memberCount', { n: row.memberCount })}
      </span>
      <span className="row-badges">
        {row.stages.map((s) => (
          <StageBadge key={s} stage={s} compact />
        ))}
      </span>
    </a>
  )
})
