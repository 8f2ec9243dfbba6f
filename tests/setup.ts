// Unit-test setup: an in-memory IndexedDB for the data layer (fake-indexeddb) and DOM matchers cleanup. The app is
// unlocked with a random key, so every data-layer test runs through the encryption at rest (src/data/crypto).
import 'fake-indexeddb/auto'
import { newSecret, openSecret } from '../src/data/crypto/keys'
import { setDataKeys } from '../src/data/crypto/session'

const kek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey'])
setDataKeys(await openSecret(await newSecret(kek), kek))
