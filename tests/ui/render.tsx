// Renders a screen as the app does: inside the dictionary provider, Bahasa Indonesia unless told otherwise.
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nProvider, type Lang } from '../../src/ui/i18n'
import { localDate } from '../../src/ui/shared/today'

export function renderScreen(ui: ReactElement, lang: Lang = 'id') {
  return render(<I18nProvider initial={lang}>{ui}</I18nProvider>)
}

/** A local calendar date relative to the real today (the screens read the real clock). */
export function daysFromToday(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return localDate(d)
}
