import { useT } from '../i18n'
import { paths, type Route } from '../router'

const TABS = [
  { name: 'households', href: paths.households(), icon: '⌂', label: 'nav.households' },
  { name: 'openDay', href: paths.openDay(), icon: '⚖', label: 'nav.openDay' },
  { name: 'schedule', href: paths.schedule(), icon: '☰', label: 'nav.schedule' },
  { name: 'map', href: paths.map(), icon: '◎', label: 'nav.map' },
  { name: 'referrals', href: paths.referrals(), icon: '➜', label: 'nav.referrals' },
  { name: 'pws', href: paths.pws(), icon: '▥', label: 'nav.pws' },
] as const

/** The top-level screens, at the bottom where a thumb reaches them. */
export function BottomNav({ route }: { route: Route }) {
  const t = useT()
  return (
    <nav className="bottom-nav" aria-label="Menu">
      {TABS.map((tab) => (
        <a key={tab.name} href={tab.href} aria-current={route.name === tab.name ? 'page' : undefined}>
          <span aria-hidden="true">{tab.icon}</span>
          {t(tab.label)}
        </a>
      ))}
    </nav>
  )
}
