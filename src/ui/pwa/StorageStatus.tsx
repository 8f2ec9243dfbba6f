import { useCallback, useEffect, useState } from 'react'
import { formatNumber, useI18n } from '../i18n'
import { readStorageInfo, requestPersistentStorage, type StorageInfo } from './storage'

const touchTarget = { minHeight: 44 }

/** For the settings screen: whether storage is persistent, how much is used, and a way to ask again. */
export function StorageStatus() {
  const { t, lang } = useI18n()
  const [info, setInfo] = useState<StorageInfo>()
  const [asked, setAsked] = useState(false)

  const refresh = useCallback(() => readStorageInfo().then(setInfo), [])
  useEffect(() => {
    void refresh()
  }, [refresh])

  if (!info) return null
  const mb = (bytes: number) => formatNumber(bytes / 1024 / 1024, lang, 1)
  const askAgain = async () => {
    await requestPersistentStorage()
    setAsked(true)
    await refresh()
  }

  return (
    <div className="storage-status">
      <p>
        <strong>
          {t(
            !info.supported
              ? 'pwa.storage.unsupported'
              : info.persisted
                ? 'pwa.storage.granted'
                : 'pwa.storage.notGranted',
          )}
        </strong>
      </p>
      {!info.persisted && <p className="muted">{t('pwa.storage.explain')}</p>}
      {info.usageBytes !== undefined && info.quotaBytes !== undefined && (
        <p>{t('pwa.storage.usage', { used: mb(info.usageBytes), quota: mb(info.quotaBytes) })}</p>
      )}
      {info.supported && !info.persisted && (
        <>
          <button type="button" className="button" style={touchTarget} onClick={askAgain}>
            {t('pwa.storage.askAgain')}
          </button>
          {asked && <p role="status">{t('pwa.storage.askHint')}</p>}
        </>
      )}
    </div>
  )
}
