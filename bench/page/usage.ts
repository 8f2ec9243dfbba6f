// Bytes this origin keeps in IndexedDB: Chromium's usageDetails leave out the Cache Storage (the precache), which
// the whole estimate counts too.
export async function idbUsage(): Promise<number> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: { indexedDB?: number }
  }
  return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0
}
