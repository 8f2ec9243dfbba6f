// Persistent storage. Without it Chromium may evict the whole origin (IndexedDB records, the unsent outbox and the
// cached app shell together) when the phone runs low on space. Chrome grants it silently by its own heuristics
// (installed to the home screen, often used); Firefox asks the user.

export interface StorageInfo {
  /** False where navigator.storage.persist is missing (old browsers, some WebViews). */
  supported: boolean
  persisted: boolean
  usageBytes?: number
  quotaBytes?: number
}

function storageManager(): StorageManager | undefined {
  // The typings say these always exist; old Android WebViews and non-secure origins lack them.
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return undefined
  return 'persist' in navigator.storage && 'persisted' in navigator.storage ? navigator.storage : undefined
}

/** Asks for persistence unless it is granted already; resolves to whether it is granted now. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager()
  if (!storage) return false
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return false
  }
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = storageManager()
  if (!storage) return { supported: false, persisted: false }
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    'estimate' in storage ? storage.estimate().catch(() => undefined) : undefined,
  ])
  return { supported: true, persisted, usageBytes: estimate?.usage, quotaBytes: estimate?.quota }
}
