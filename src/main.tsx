import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { onLockChange } from './data/crypto/session'
import { App } from './ui/App'
import { I18nProvider } from './ui/i18n'
import { LockGate } from './ui/lock/LockGate'
import { startPwa } from './ui/pwa'
import { startSync, stopSync } from './ui/sync/controller'
// The app's shared styles, in this order (later rules build on earlier ones); features import their own.
import './ui/styles/base.css'
import './ui/styles/forms.css'
import './ui/styles/screens.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <LockGate>
        <App />
      </LockGate>
    </I18nProvider>
  </StrictMode>,
)
startPwa()
// Sync reads and writes records: it runs only while unlocked. A Background Sync wake-up while locked finds no
// scheduler listening; the run starts at unlock instead.
onLockChange((unlocked) => (unlocked ? void startSync() : stopSync()))
