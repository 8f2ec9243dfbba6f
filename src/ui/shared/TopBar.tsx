import { createContext, type ReactNode, useContext } from 'react'
import { interceptLeave } from '../forms/leave-guard'
import { useT } from '../i18n'

/**
 * What the app shows right below every screen's bar (App.tsx: the install offer): part of the screen's content,
 * so the bar stays at the top and nothing is covered.
 */
export const BelowTopBar = createContext<ReactNode>(null)

/**
 * Screen header: an optional back link (top-left, as Android users expect), the title and an action. On a form
 * with changes the back link asks first (forms/leave-guard.ts).
 */
export function TopBar({ title, back, action }: { title: string; back?: string; action?: ReactNode }) {
  const t = useT()
  const below = useContext(BelowTopBar)
  return (
    <>
      <header className="topbar">
        {back && (
          <a
            className="topbar-back"
            href={back}
            aria-label={t('common.back')}
            onClick={(e) => {
              if (interceptLeave(back)) e.preventDefault()
            }}
          >
            ‹
          </a>
        )}
        <h1 className="topbar-title">{title}</h1>
        {action}
      </header>
      {below}
    </>
  )
}
