import { describe, expect, it } from 'vitest'
import type { VisitRow } from '../../src/data/visits'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { findingsByVisit } from '../../src/ui/visits/findings'

const row = (id: string, date: string, systolicMmHg: number): VisitRow =>
  ({
    id,
    date,
    createdAt: `${date}T01:00:00.000Z`,
    parts: { dewasa: { systolicMmHg, diastolicMmHg: 80 } },
  }) as never

describe('findingsByVisit', () => {
  const visits = [row('v1', '2025-01-10', 190), row('v2', '2025-03-10', 185)]

  it('reads every current visit', () => {
    const findings = findingsByVisit(visits, { birthDate: '1980-01-01', sex: 'P' }, DEFAULT_CLINICAL_SETTINGS)
    expect(findings.get('v1')?.map((f) => f.code)).toContain('td.hipertensi')
    expect(findings.get('v2')?.map((f) => f.code)).toContain('td.hipertensi')
  })

  it('gives no findings to a visit dated before a corrected birth date, instead of failing the screen', () => {
    const findings = findingsByVisit(visits, { birthDate: '2025-02-01', sex: 'P' }, DEFAULT_CLINICAL_SETTINGS)
    expect(findings.get('v1')).toEqual([])
    expect(findings.get('v2')).toBeDefined()
  })
})
