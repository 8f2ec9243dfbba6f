import { describe, expect, it } from 'vitest'
import { DEFAULT_CLINICAL_SETTINGS as settings } from '../../src/domain/clinical-settings'
import type { Finding } from '../../src/domain/findings'
import { zScore } from '../../src/domain/growth'
import { type FindingsMember, type FindingsVisit, visitFindings } from '../../src/domain/visit-findings'

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code)
const only = (findings: readonly Finding[], ...prefixes: string[]) =>
  codes(findings).filter((code) => prefixes.some((p) => code.startsWith(p)))
const levelOf = (findings: readonly Finding[], code: string) => findings.find((f) => f.code === code)?.level

describe('visitFindings: balita', () => {
  // A boy born 2023-10-10: 5 months (KBM 500 g) on 2024-03-12.
  const boy: FindingsMember = { birthDate: '2023-10-10', sex: 'L' }
  const february: FindingsVisit = { id: 'v1', date: '2024-02-10', parts: { balita: { weightKg: 6 } } }

  it('reads the balita part with the member’s earlier visits', () => {
    const visit: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    expect(only(visitFindings(visit, boy, [february], settings), 'kms.')).toEqual(['kms.n'])
    expect(only(visitFindings(visit, boy, [], settings), 'kms.')).toEqual(['kms.b'])
  })

  it('skips the visit itself and visits a correction superseded', () => {
    const corrected: FindingsVisit = {
      id: 'v1b',
      date: '2024-02-10',
      supersedes: 'v1',
      parts: { balita: { weightKg: 6.2 } },
    }
    const visit: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    // Against the corrected 6.2 kg the gain is 300 g < 500 g: T. Against the superseded 6.0 kg it would be N.
    const history = [february, corrected, visit]
    expect(only(visitFindings(visit, boy, history, settings), 'kms.')).toEqual(['kms.t'])
  })

  it('drops the visit this one corrects from its own history', () => {
    const original: FindingsVisit = { id: 'v2', date: '2024-03-12', parts: { balita: { weightKg: 6.5 } } }
    const correction: FindingsVisit = {
      id: 'v2b',
      date: '2024-03-12',
      supersedes: 'v2',
      parts: { balita: { weightKg: 6.4 } },
    }
    expect(only(visitFindings(correction, boy, [february, original], settings), 'kms.')).toEqual(['kms.t'])
  })

  it('shows "Pendek (stunting)" for a stunted child', () => {
    const visit: FindingsVisit = {
      date: '2024-03-10',
      parts: { balita: { weightKg: 9, lengthCm: 78, position: 'standing' } },
    }
    const findings = visitFindings(visit, { birthDate: '2022-03-01', sex: 'P' }, [], settings)
    expect(findings.find((f) => f.code === 'tbu.pendek')?.message.id).toBe('TB/U: Pendek (stunting)')
  })
})

describe('visitFindings: a pregnant 17-year-old', () => {
  const member: FindingsMember = { birthDate: '2007-01-01', sex: 'P', hpht: '2024-03-01' }
  const visit: FindingsVisit = {
    date: '2024-06-15',
    parts: {
      remaja: { weightKg: 50, heightCm: 140, hbGdl: 10.5, systolicMmHg: 118, diastolicMmHg: 76 },
      ibu_hamil: { lilaCm: 22, hbGdl: 10.5 },
    },
  }

  it('gives the remaja findings with IMT/U and TB/U computed from BB and TB (WHO 2007), then the ibu hamil ones', () => {
    const findings = visitFindings(visit, member, [], settings)
    const ageDays = 6375 // 2007-01-01 → 2024-06-15
    const hfa = zScore({ indicator: 'lhfa', sex: 'P', ageDays, lengthCm: 140 })
    expect(hfa).toMatchObject({ ok: true, reference: 'who2007' })
    expect(hfa.ok && hfa.z).toBeLessThan(-3)
    expect(only(findings, 'tbu.', 'imtu.')).toEqual([expect.stringMatching(/^imtu\./), 'tbu.sangat_pendek'])
    expect(levelOf(findings, 'tbu.sangat_pendek')).toBe('rujuk')
    expect(findings.find((f) => f.code === 'tbu.sangat_pendek')?.message.id).toContain(
      `${hfa.ok ? hfa.z.toFixed(2) : ''} SD`,
    )
    expect(levelOf(findings, 'td.normal')).toBe('normal')
    // Pregnant: Hb is read with the pregnancy cut-off by the ibu hamil part, not the remaja one.
    expect(only(findings, 'hb.')).toEqual([])
    expect(levelOf(findings, 'bumil.hb.anemia')).toBe('rujuk')
    expect(levelOf(findings, 'bumil.lila.kek')).not.toBeUndefined()
    // Part order: remaja before ibu hamil.
    const lastRemaja = Math.max(
      ...['imtu.', 'tbu.', 'td.'].map((p) => codes(findings).findLastIndex((c) => c.startsWith(p))),
    )
    const firstBumil = codes(findings).findIndex((c) => c.startsWith('bumil.'))
    expect(lastRemaja).toBeLessThan(firstBumil)
  })

  it('reads the pregnancy at the visit date, so an old visit reads the same forever', () => {
    const findings = visitFindings(visit, member, [], settings)
    // HPHT 2024-03-01 → 15 weeks 1 day on 2024-06-15, whenever this runs.
    expect(findings.find((f) => f.code === 'bumil.usia_kehamilan')?.message.id).toMatch(
      /^Usia kehamilan 15 mgg 1 hr/,
    )
  })

  it('uses the stored z-scores when the payload has no BB/TB', () => {
    const stored: FindingsVisit = { date: '2024-06-15', parts: { remaja: { bfaZ: 0.2, hfaZ: -2.5 } } }
    expect(only(visitFindings(stored, member, [], settings), 'tbu.', 'imtu.')).toEqual([
      'imtu.gizi_baik',
      'tbu.pendek',
    ])
  })

  it('asks to re-measure instead of categorising a z-score WHO flags as implausible', () => {
    const wrong: FindingsVisit = { date: '2024-06-15', parts: { remaja: { weightKg: 200, heightCm: 150 } } }
    const findings = visitFindings(wrong, member, [], settings)
    expect(only(findings, 'imtu.')).toEqual(['imtu.tidak-wajar'])
    expect(levelOf(findings, 'imtu.tidak-wajar')).toBe('perhatian')
    expect(only(findings, 'tbu.')).toEqual(['tbu.normal'])
  })
})

describe('visitFindings: other parts', () => {
  it('reads dewasa and lansia parts through the stage interpreters at the visit date', () => {
    const visit: FindingsVisit = {
      date: '2024-06-15',
      parts: { dewasa: { systolicMmHg: 150, diastolicMmHg: 95 } },
    }
    const findings = visitFindings(visit, { birthDate: '1980-05-05', sex: 'L' }, [], settings)
    expect(levelOf(findings, 'td.hipertensi')).toBe('rujuk')
  })

  it('gives nothing for a visit with no parts', () => {
    expect(
      visitFindings({ date: '2024-06-15', parts: {} }, { birthDate: '1980-05-05', sex: 'L' }, [], settings),
    ).toEqual([])
  })

  it('reads a newborn’s balita and neonatus parts, balita first', () => {
    const visit: FindingsVisit = {
      date: '2024-06-05',
      parts: { balita: { weightKg: 3.4 }, neonatus: { dangerSigns: ['kejang'] } },
    }
    const findings = visitFindings(visit, { birthDate: '2024-06-01', sex: 'P' }, [], settings)
    expect(codes(findings)[0]).toBe('bbu.normal')
    expect(levelOf(findings, 'neonatus.tanda_bahaya.kejang')).toBe('rujuk')
  })
})
