// The annual targets of one posyandu area (sasaran proyeksi and target percent per cumulative indicator), which the
// PWS charts measure against: the puskesmas enters them here, a bidan reads what was entered. An empty value takes
// the default — the registered count, 100% (src/domain/pws/cumulative.ts).
import { useRef, useState } from 'react'
import type { IndicatorSeries } from '../../domain/pws'
import { indicatorLabel } from '../../domain/pws'
import type { AreaTarget } from '../../protocol/supervisor'
import { fetchTargets, saveTarget } from '../../sync/binaan'
import { toSyncError } from '../../sync/errors'
import { formatPercent, useI18n } from '../i18n'
import type { SyncErrorKey } from '../sync/error-messages'
import { formatDecimal, parseDecimal } from '../visits/parts/format'
import { Failed } from './BinaanScreen'
import { binaanMessages } from './binaan-messages'
import { useRemote } from './useRemote'

interface Props {
  areaId: string
  year: number
  /** The area's indicators of the month shown, for the registered counts; absent while they load. */
  series: Record<string, IndicatorSeries> | undefined
  /** After a target is saved: the figures are asked for again. */
  onSaved: () => void
}

export function TargetsSection({ areaId, year, series: fresh, onSaved }: Props) {
  const { t } = useI18n(binaanMessages)
  // The figures reload after each save; the rows (and what was typed in them) stay meanwhile.
  const last = useRef(fresh)
  if (fresh) last.current = fresh
  const series = last.current
  const { value, error, retry } = useRemote(`${areaId}\n${year}`, (signal) =>
    fetchTargets(areaId, year, signal),
  )
  if (error) return <Failed error={error} onRetry={retry} />
  if (!value || !series || (!value.canEdit && value.targets.length === 0)) return null
  const entered = new Map(value.targets.map((target) => [target.indicator, target]))
  const ids = value.canEdit ? Object.keys(series) : Object.keys(series).filter((id) => entered.has(id))
  return (
    <details className="card binaan-targets">
      <summary className="section-title">{t('binaan.targets.title', { year })}</summary>
      <p className="muted">{t(value.canEdit ? 'binaan.targets.explain' : 'binaan.targets.readOnly')}</p>
      <ul className="binaan-list">
        {ids.map((id) =>
          value.canEdit ? (
            <TargetRow
              key={id}
              areaId={areaId}
              year={year}
              id={id}
              registered={series[id]?.registered.value ?? 0}
              stored={entered.get(id)}
              onSaved={onSaved}
            />
          ) : (
            <EnteredRow key={id} id={id} target={entered.get(id) as AreaTarget} />
          ),
        )}
      </ul>
    </details>
  )
}

function EnteredRow({ id, target }: { id: string; target: AreaTarget }) {
  const { t, lang } = useI18n(binaanMessages)
  return (
    <li>
      <strong>{indicatorLabel(id, lang)}</strong>
      <br />
      {t('binaan.targets.entered', {
        sasaran: target.sasaran ?? '–',
        percent: target.percent === null ? '100%' : formatPercent(target.percent / 100, lang),
      })}
    </li>
  )
}

type RowState = 'idle' | 'saving' | 'saved' | SyncErrorKey

function TargetRow(props: {
  areaId: string
  year: number
  id: string
  registered: number
  stored: AreaTarget | undefined
  onSaved: () => void
}) {
  const { t, lang } = useI18n(binaanMessages)
  const [sasaran, setSasaran] = useState(props.stored?.sasaran?.toString() ?? '')
  const [percent, setPercent] = useState(formatDecimal(props.stored?.percent ?? undefined, lang))
  const [state, setState] = useState<RowState>('idle')
  const sasaranValue = parseDecimal(sasaran)
  const percentValue = parseDecimal(percent)
  const badSasaran = sasaranValue !== undefined && !(Number.isInteger(sasaranValue) && sasaranValue >= 0)
  const badPercent = percentValue !== undefined && !(percentValue > 0 && percentValue <= 100)
  const save = async () => {
    if (badSasaran || badPercent || state === 'saving') return
    setState('saving')
    try {
      await saveTarget(props.areaId, {
        year: props.year,
        indicator: props.id,
        sasaran: sasaranValue ?? null,
        percent: percentValue ?? null,
      })
      setState('saved')
      props.onSaved()
    } catch (error) {
      setState(`sync.err.${toSyncError(error).reason}` as SyncErrorKey)
    }
  }
  const label = indicatorLabel(props.id, lang)
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value)
    setState('idle')
  }
  return (
    <li className="binaan-target">
      <strong>{label}</strong>{' '}
      <span className="muted">{t('binaan.targets.registered', { n: props.registered })}</span>
      <div className="binaan-target-fields">
        <div className={`field${badSasaran ? ' field-error' : ''}`}>
          <label htmlFor={`${props.id}-sasaran`}>{t('binaan.targets.sasaran')}</label>
          <input
            id={`${props.id}-sasaran`}
            inputMode="numeric"
            placeholder={String(props.registered)}
            value={sasaran}
            aria-invalid={badSasaran}
            onChange={edit(setSasaran)}
          />
          {badSasaran && <FieldAlert text={t('binaan.targets.badSasaran')} />}
        </div>
        <div className={`field${badPercent ? ' field-error' : ''}`}>
          <label htmlFor={`${props.id}-percent`}>{t('binaan.targets.percent')}</label>
          <input
            id={`${props.id}-percent`}
            inputMode="decimal"
            placeholder="100"
            value={percent}
            aria-invalid={badPercent}
            onChange={edit(setPercent)}
          />
          {badPercent && <FieldAlert text={t('binaan.targets.badPercent')} />}
        </div>
        <button
          type="button"
          className="button secondary"
          aria-label={`${t('binaan.targets.save')}: ${label}`}
          disabled={state === 'saving' || badSasaran || badPercent}
          onClick={() => void save()}
        >
          {t('binaan.targets.save')}
        </button>
      </div>
      {state === 'saved' && <p role="status">{t('binaan.targets.saved')}</p>}
      {state !== 'idle' && state !== 'saving' && state !== 'saved' && (
        <p className="binaan-warn" role="alert">
          {t(state)}
        </p>
      )}
    </li>
  )
}

const FieldAlert = ({ text }: { text: string }) => (
  <p className="field-message" role="alert">
    <span aria-hidden="true">⚠ </span>
    {text}
  </p>
)
