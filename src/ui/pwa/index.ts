// The PWA layer the app shell imports: service-worker registration and update prompt, the unsaved-form guard and
// persistent storage. Everything here is in the first screen's JavaScript, so it stays small.
import { listenForInstall } from './install'
import { registerServiceWorker } from './register'
import { requestPersistentStorage } from './storage'

export { InstallBanner, InstallCard } from './InstallPrompt'
export { type InstallState, useInstall } from './install'
export type { PwaController, PwaState } from './register'
export { StorageStatus } from './StorageStatus'
export { UpdateBanner } from './UpdateBanner'
export { hasUnsavedForms, useUnsavedGuard } from './unsaved'

/** Call once after the first render: registers the service worker and asks for persistent storage. */
export function startPwa(): void {
  listenForInstall()
  registerServiceWorker()
  void requestPersistentStorage()
}
