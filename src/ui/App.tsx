import { lazy, Suspense } from 'react'
import { HouseholdDetail } from './households/HouseholdDetail'
import { HouseholdList } from './households/HouseholdList'
import { useT } from './i18n'
import { UpdateBanner } from './pwa'
import { paths, type Route, useRoute } from './router'

// Forms and settings are not needed for the first screen: they load on first use (and are precached for offline).
const HouseholdForm = lazy(() => import('./households/HouseholdForm'))
const MemberForm = lazy(() => import('./households/MemberForm'))
const Settings = lazy(() => import('./settings/Settings'))

export function App() {
  const route = useRoute()
  const t = useT()
  return (
    <div className="app">
      <UpdateBanner />
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <Screen route={route} />
      </Suspense>
    </div>
  )
}

function Screen({ route }: { route: Route }) {
  const t = useT()
  switch (route.name) {
    case 'households':
      return <HouseholdList />
    case 'household':
      return <HouseholdDetail id={route.id} />
    case 'householdNew':
      return <HouseholdForm />
    case 'householdEdit':
      return <HouseholdForm id={route.id} />
    case 'memberNew':
      return <MemberForm householdId={route.householdId} />
    case 'memberEdit':
      return <MemberForm id={route.id} />
    case 'settings':
      return <Settings />
    case 'notFound':
      return (
        <main className="screen">
          <p>{t('common.notFound')}</p>
          <a className="button" href={paths.households()}>
            {t('households.title')}
          </a>
        </main>
      )
  }
}
