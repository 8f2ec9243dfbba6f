import { AKS_ITEMS, type AksItem, aksCategory, aksTotal } from '../../../domain/screening'
import { AKS_ITEM_MAX } from '../../../domain/screening/lansia-part'
import { useT } from '../../i18n'
import { visitMessages } from '../messages'
import { Choice } from './Choice'
import type { useSection } from './useSection'

/** AKS (modified Barthel, 0–20): one row of score buttons per item; the total once all 10 are scored. */
export function Aks({ s }: { s: ReturnType<typeof useSection> }) {
  const t = useT(visitMessages)
  const scores = (s.get('aks') as Partial<Record<AksItem, number>> | undefined) ?? {}
  const total = aksTotal(scores)
  return (
    <>
      <p className="field-hint">{t('visit.aks.hint')}</p>
      {AKS_ITEMS.map((item) => (
        <Choice
          key={item}
          legend={t(`visit.aks.${item}`)}
          options={Array.from({ length: AKS_ITEM_MAX[item] + 1 }, (_, n) => ({ value: n, label: String(n) }))}
          value={scores[item]}
          onChange={(n) => s.set(`aks.${item}`, n)}
          error={s.errors[`aks.${item}`]}
        />
      ))}
      {total !== undefined && (
        <p className="part-summary">
          {t('visit.aks.total', { total, category: t(`visit.aks.cat.${aksCategory(total)}`) })}
        </p>
      )}
    </>
  )
}
