// Steps the care e2e tests share: local calendar days relative to today, and the text of the Jadwal screen.
import type { Page } from 'playwright-core'
import { localDay } from './openday-data'

export function daysAgo(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() - days)
  return localDay(d)
}

export function yearsAgo(years: number): string {
  const d = new Date()
  d.setFullYear(d.getFullYear() - years)
  return localDay(d)
}

/** Opens Jadwal and returns its text once the tasks are computed. */
export async function scheduleText(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/jadwal`)
  await page.getByRole('heading', { name: 'Jadwal kunjungan' }).waitFor()
  await page.locator('main p.loading').waitFor({ state: 'detached' })
  return (await page.getByRole('main').textContent()) ?? ''
}
