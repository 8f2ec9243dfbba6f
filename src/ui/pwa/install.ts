// "Pasang aplikasi": Chromium's beforeinstallprompt, kept from the moment it fires so that Pengaturan, the
// first-run screen and the banner after the first successful sync can offer the install when the kader chooses.
import { useSyncExternalStore } from 'react'

/** Chromium's event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

let deferred: BeforeInstallPromptEvent | undefined
let installed = false
const listeners = new Set<() => void>()
const notify = () => {
  for (const listener of listeners) listener()
}

/** Called once at start (startPwa): the event fires once per page load, possibly before any screen asks. */
export function listenForInstall(target: Window = window): void {
  installed = target.matchMedia?.('(display-mode: standalone)').matches ?? false
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault() // Chromium's own mini-infobar would come at a moment nobody chose
    deferred = event as BeforeInstallPromptEvent
    notify()
  })
  target.addEventListener('appinstalled', () => {
    deferred = undefined
    installed = true
    notify()
  })
}

export type InstallState = 'available' | 'installed' | 'unavailable'

function state(): InstallState {
  return installed ? 'installed' : deferred ? 'available' : 'unavailable'
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Whether the browser offers the install now, and the install itself (true when the kader accepted). */
export function useInstall(): { state: InstallState; install: () => Promise<boolean> } {
  const current = useSyncExternalStore(subscribe, state)
  const install = async () => {
    const event = deferred
    if (!event) return false
    await event.prompt()
    const { outcome } = await event.userChoice
    // The event can prompt once: after any answer the browser fires a new one if it offers the install again.
    deferred = undefined
    notify()
    return outcome === 'accepted'
  }
  return { state: current, install }
}
