// What localStorage keeps for one kader on a shared phone ("Ganti kader", docs/security.md "Settings on a shared
// phone"): flags only — never a name, a username or anything of the area (localStorage is not encrypted). A flag
// is named by the account's random id (crypto/accounts.ts, the id that also names her records' database), so a
// second kader sees her own first-run welcome. The language, the install offer and the offline notice stay per
// phone: they belong to the browser, and the lock screen shows before any kader is chosen.
import { type DeviceAccount, FIRST_DB_NAME } from './crypto/accounts'
import { chosenAccount } from './crypto/session'

const PREFIX = 'kader-ilp.'

/** `kader-ilp.<name>.<account id>`; the phone's own key before any account (tests, a first start). */
function keyOf(name: string, account: DeviceAccount | undefined): string {
  return account ? `${PREFIX}${name}.${account.id}` : `${PREFIX}${name}`
}

/**
 * Whether the chosen kader has set the flag. The phone-wide key an older version wrote counts for the first account
 * only: it was the phone's one kader then (its database kept the app's first name).
 */
export function kaderFlag(name: string): boolean {
  const account = chosenAccount()
  try {
    if (localStorage.getItem(keyOf(name, account)) === '1') return true
    return account?.dbName === FIRST_DB_NAME && localStorage.getItem(keyOf(name, undefined)) === '1'
  } catch {
    return false // private mode without storage
  }
}

export function setKaderFlag(name: string): void {
  try {
    localStorage.setItem(keyOf(name, chosenAccount()), '1')
  } catch {
    // Private mode without storage: the flag is asked again next time, which is harmless.
  }
}

/** A wiped account's flags (crypto/wipe.ts). */
export function forgetKaderSettings(accountId: string): void {
  try {
    const suffix = `.${accountId}`
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
    for (const key of keys) if (key?.startsWith(PREFIX) && key.endsWith(suffix)) localStorage.removeItem(key)
  } catch {
    // No storage: nothing was kept.
  }
}
