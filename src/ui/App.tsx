import { lazy, Suspense, useEffect } from 'react'
import { useWorkArea } from '../data/hooks'
import { posyanduDay } from '../domain/schedule/calendar'
import type { PosyanduCalendar } from '../domain/schedule/types'
import { HouseholdDetail } from './households/HouseholdDetail'
import { HouseholdList } from './households/HouseholdList'
import { useT } from './i18n'
import { InstallBanner, UpdateBanner } from './pwa'
import { paths, type Route, useRoute } from './router'
import { BottomNav } from './shared/BottomNav'
import { BelowTopBar } from './shared/TopBar'
import { useToday } from './shared/today'

// Forms and settings are not needed for the first screen: they load on first use (and are precached for offline).
const HouseholdForm = lazy(() => import('./households/HouseholdForm'))
const MemberForm = lazy(() => import('./households/MemberForm'))
const Settings = lazy(() => import('./settings/Settings'))
const DraftList = lazy(() => import('./drafts/DraftList'))
// The open day (hari buka): its screens load when the kader opens it.
const loadOpenDay = () => import('./openday/OpenDayScreen')
const OpenDayScreen = lazy(loadOpenDay)
const MeasureScreen = lazy(() => import('./openday/MeasureScreen'))
const WalkInScreen = lazy(() => import('./openday/WalkInScreen'))
const RekapScreen = lazy(() => import('./openday/RekapScreen'))
// Screens that read screenings load the WHO tables and the clinical rules: never part of the first screen.
const MemberDetail = lazy(() => import('./members/MemberDetail'))
const VisitForm = lazy(() => import('./visits/VisitForm'))
const ReferralList = lazy(() => import('./referrals/ReferralList'))
const ReferralSlip = lazy(() => import('./referrals/ReferralSlip'))
const BukuKiaForm = lazy(() => import('./bukukia/BukuKiaForm'))
const CaseForm = lazy(() => import('./members/CaseForm'))
const DeliveryForm = lazy(() => import('./members/DeliveryForm'))
// Leaflet (≈ 45 KiB gz) and the tile layers load only when the map opens.
const MapScreen = lazy(() => import('./map/MapRoute'))
// The schedule and the PWS figures are computed in a worker; their screens load on first use.
const ScheduleScreen = lazy(() => import('./schedule/ScheduleScreen'))
const PwsScreen = lazy(() => import('./pws/PwsScreen'))
// A supervisor's wilayah binaan: read from the server, loaded only when a bidan or a puskesmas opens it.
const BinaanScreen = lazy(() => import('./binaan/BinaanScreen'))
const BinaanAreaScreen = lazy(() => import('./binaan/BinaanAreaScreen'))

const TOP_LEVEL: readonly Route['name'][] = [
  'households',
  'openDay',
  'schedule',
  'map',
  'referrals',
  'pws',
  'settings',
]

/**
 * On the posyandu's open day the kader opens its screen: its code and the day's visits load while the phone is
 * idle, before the first tap.
 */
function usePrefetchOpenDay() {
  const workArea = useWorkArea()
  const today = useToday()
  useEffect(() => {
    const calendar = workArea?.posyandu
    if (!workArea || !calendar || posyanduDay(calendar as PosyanduCalendar, today.slice(0, 7)) !== today)
      return
    const prepare = () => void loadOpenDay().then((screen) => screen.prepare(workArea.id, today))
    if (typeof requestIdleCallback !== 'function') return prepare()
    const handle = requestIdleCallback(prepare)
    return () => cancelIdleCallback(handle)
  }, [workArea, today])
}

// Below each screen's bar, not above it: above, it pushed the bar down by its own height (≈ 140 px at 360 px).
const INSTALL_OFFER = <InstallBanner />

export function App() {
  const route = useRoute()
  const t = useT()
  usePrefetchOpenDay()
  return (
    <div className={TOP_LEVEL.includes(route.name) ? 'app with-nav' : 'app'}>
      <UpdateBanner />
      {/* Pengaturan has its own install card: the offer there would say it twice. */}
      <BelowTopBar.Provider value={route.name === 'settings' ? null : INSTALL_OFFER}>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </BelowTopBar.Provider>
      {TOP_LEVEL.includes(route.name) && <BottomNav route={route} />}
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
      return <HouseholdForm saveId={route.saveId} />
    case 'householdEdit':
      return <HouseholdForm id={route.id} />
    case 'memberNew':
      return <MemberForm householdId={route.householdId} saveId={route.saveId} />
    case 'memberEdit':
      return <MemberForm id={route.id} />
    case 'member':
      return <MemberDetail id={route.id} />
    case 'visitNew':
      return <VisitForm memberId={route.memberId} />
    case 'visitCorrect':
      return <VisitForm correcting={route.visitId} />
    case 'referrals':
      return <ReferralList />
    case 'referralSlip':
      return <ReferralSlip memberId={route.memberId} />
    case 'bukuKia':
      return <BukuKiaForm memberId={route.memberId} />
    case 'caseClose':
      return <CaseForm memberId={route.memberId} />
    case 'delivery':
      return <DeliveryForm memberId={route.memberId} />
    case 'map':
      return <MapScreen />
    case 'schedule':
      return <ScheduleScreen />
    case 'pws':
      return <PwsScreen month={route.month} />
    case 'binaan':
      return <BinaanScreen month={route.month} />
    case 'binaanArea':
      return <BinaanAreaScreen areaId={route.areaId} month={route.month} />
    case 'settings':
      return <Settings />
    case 'drafts':
      return <DraftList />
    case 'openDay':
      return <OpenDayScreen date={route.date} />
    case 'openDayPerson':
      // A new person is a new screen: "Berikutnya" must not keep the last person's result.
      return <MeasureScreen key={route.memberId} date={route.date} memberId={route.memberId} />
    case 'openDayWalkIn':
      return <WalkInScreen date={route.date} saveId={route.saveId} />
    case 'openDayRekap':
      return <RekapScreen date={route.date} />
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
