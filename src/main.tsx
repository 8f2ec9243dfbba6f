import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App'
import { I18nProvider } from './ui/i18n'
import { startPwa } from './ui/pwa'
import { startSync } from './ui/sync/controller'
// The app's shared styles, in this order (later rules build on earlier ones); features import their own.
import './ui/styles/base.css'
import './ui/styles/forms.css'
import './ui/styles/screens.css'

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
