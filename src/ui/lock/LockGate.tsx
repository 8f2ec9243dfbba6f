// What stands between the phone and the app: until the PIN is set (first start, or the first start of an older
// install) or typed, the app's screens are not rendered and no records' database is opened. The phone starts on the
// lock screen of the kader who unlocked last ("Ganti kader" on it opens another's). While unlocked, the app
// locks itself after some minutes in the background, and its screen is blanked whenever it goes to the background,
// so that the task switcher's picture shows nothing of the area.
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react'
import { startAccount } from '../../data/crypto/accounts'
import { chooseAccount, chosenAccount, currentKeys, lock, onLockChange } from '../../data/crypto/session'
import { finishInterruptedWipes, listAccounts, readLockState } from '../../data/crypto/vault-store'

// The lock screens and the key derivation load only when needed (never for an unlocked app's first screen).
const LockScreen = lazy(() => import('./LockScreen'))

type GateState = 'checking' | 'setup' | 'locked' | 'unlocked'

export function LockGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>(currentKeys() ? 'unlocked' : 'checking')
  useEffect(() => {
    const stop = onLockChange((unlocked) => setState(unlocked ? 'unlocked' : 'locked'))
    if (!currentKeys())
      void chooseStartAccount().then((account) =>
        setState(currentKeys() ? 'unlocked' : account ? 'locked' : 'setup'),
      )
    return stop
  }, [])
  useBlankInBackground()
  if (state === 'unlocked') return children
  if (state === 'checking') return null
  return (
    <Suspense fallback={null}>
      <LockScreen mode={state} />
    </Suspense>
  )
}

/** The account whose lock screen the phone starts on, after finishing any wipe a closed tab interrupted. */
async function chooseStartAccount() {
  await finishInterruptedWipes()
  const account = startAccount(await listAccounts())
  chooseAccount(account)
  return account
}

/** The class that hides the page (base.css) while the app is in the background. */
const BLANK = 'app-hidden'

/**
 * Blanks the page whenever it goes to the background, and locks it there after the auto-lock time. Listens whether
 * locked or not: the auto-lock may fire while hidden, and the page must still come back visible (as the lock screen).
 */
function useBlankInBackground() {
  useEffect(() => {
    let hiddenAt: number | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const onChange = () => {
      clearTimeout(timer)
      if (document.visibilityState === 'hidden') {
        // Set on the element at once, not through React: the task switcher's picture is taken right after.
        document.documentElement.classList.add(BLANK)
        hiddenAt = Date.now()
        void readLockState(chosenAccount()?.id).then(({ autoLockMinutes }) => {
          if (hiddenAt !== undefined) timer = setTimeout(lock, autoLockMinutes * 60_000)
        })
        return
      }
      const away = hiddenAt === undefined ? 0 : Date.now() - hiddenAt
      hiddenAt = undefined
      // A phone asleep does not run timers: the time away is checked again on return, before the page shows.
      void readLockState(chosenAccount()?.id)
        .then(({ autoLockMinutes }) => {
          if (away >= autoLockMinutes * 60_000) lock()
        })
        .finally(() => document.documentElement.classList.remove(BLANK))
    }
    document.addEventListener('visibilitychange', onChange)
    return () => {
      document.removeEventListener('visibilitychange', onChange)
      clearTimeout(timer)
    }
  }, [])
}
