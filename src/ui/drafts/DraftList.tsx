// "Draf": every form the kader left without saving, the most recent first, to resume or discard.
import { deleteDraft } from '../../data/drafts'
import { useDrafts } from '../../data/hooks'
import { formMessages } from '../forms/messages'
import { formatWhen, useI18n } from '../i18n'
import { paths } from '../router'
import { TopBar } from '../shared/TopBar'

export default function DraftList() {
  const { t, lang } = useI18n(formMessages)
  const drafts = useDrafts()
  const discard = async (id: string) => {
    if (window.confirm(t('draft.discardConfirm'))) await deleteDraft(id)
  }
  return (
    <main className="screen">
      <TopBar title={t('drafts.title')} back={paths.households()} />
      {drafts === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : drafts.length === 0 ? (
        <p className="empty">{t('drafts.empty')}</p>
      ) : (
        <ul className="card-list" aria-label={t('drafts.title')}>
          {drafts.map((d) => (
            <li key={d.id} className="card draft-item">
              <p className="row-title">{d.label ?? t('drafts.unnamed')}</p>
              <p className="muted">
                {t(`drafts.kind.${d.kind}`)} · {t('drafts.changed', { time: formatWhen(d.updatedAt, lang) })}
              </p>
              <div className="button-row">
                <a className="button primary" href={d.path}>
                  {t('drafts.resume')}
                </a>
                <button type="button" className="button danger" onClick={() => void discard(d.id)}>
                  {t('draft.discard')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
