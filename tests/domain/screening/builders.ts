// Fixture builders for the screening tests.
import { DEFAULT_CLINICAL_SETTINGS } from '../../../src/domain/clinical-settings'
import type { Finding } from '../../../src/domain/findings'
import type { ScreeningContext } from '../../../src/domain/screening'

export function makeContext(overrides: Partial<ScreeningContext> = {}): ScreeningContext {
  return {
    today: '2024-06-15',
    birthDate: '1990-01-01',
    sex: 'P',
    settings: DEFAULT_CLINICAL_SETTINGS,
    ...overrides,
  }
}

/** The birth date that makes someone `years` old on 2024-06-15. */
export function bornYearsAgo(years: number): string {
  return `${2024 - years}-01-01`
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code)
}

export function levelOf(findings: readonly Finding[], codePrefix: string): string | undefined {
  return findings.find((f) => f.code.startsWith(codePrefix))?.level
}
