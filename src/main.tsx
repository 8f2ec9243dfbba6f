import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { I18nProvider } from './ui/i18n'
import { startPwa } from './ui/pwa'
import { startSync } from './ui/sync/controller'
import './ui/styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
)
startPwa()
void startSync()
