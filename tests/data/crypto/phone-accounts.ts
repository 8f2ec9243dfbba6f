// Between tests: the phone forgets every account (vault, lock state, registry entry) and which one was chosen.
import { chooseAccount } from '../../../src/data/crypto/session'
import { forgetVault, listAccounts, removeAccount } from '../../../src/data/crypto/vault-store'

export async function forgetAllAccounts(): Promise<void> {
  for (const a of await listAccounts()) {
    await forgetVault(a.id)
    await removeAccount(a.id)
  }
  chooseAccount(undefined)
}
