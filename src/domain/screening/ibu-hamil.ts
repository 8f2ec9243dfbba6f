// Ibu hamil: gestational age and HPL, LiLA (KEK), blood pressure and pre-eclampsia signs, TTD, Hb, ANC contacts
// per trimester, and the danger-sign checklist.

import type { ClinicalSettings } from '../clinical-settings'
import { daysBetween } from '../dates'
import type { Finding } from '../findings'
import { type PregnancyStatus, pregnancy } from '../lifecycle'
import { sayDate, sayNumber } from '../say'
import type { Bilingual } from '../text'
import { bpText, dangerSignFindings, finding, type ScreeningContext, urgent } from './common'
import type { AncContact, IbuHamilDangerSign, IbuHamilScreening } from './ibu-hamil-part'

// Tanda bahaya kehamilan: ILP home-visit form [S] plus Buku KIA's perdarahan, muntah terus, kejang [S]
// (clinical-rules.md §2.2). Any → rujuk segera. The form's "pusing/sakit kepala berat, pandangan kabur + bengkak" is
// split into three so the pre-eclampsia signs can be read with the blood pressure.
const DANGER_LABELS: Record<IbuHamilDangerSign, Bilingual> = {
  demam_lebih_2_hari: { id: 'demam lebih dari 2 hari', en: 'fever for more than 2 days' },
  sakit_kepala_berat: { id: 'pusing/sakit kepala berat', en: 'dizziness or severe headache' },
  pandangan_kabur: { id: 'pandangan kabur', en: 'blurred vision' },
  bengkak: { id: 'bengkak di kaki, tangan atau wajah', en: 'swelling of feet, hands or face' },
  sulit_tidur_cemas: { id: 'sulit tidur/cemas berlebih', en: 'sleeplessness or excessive anxiety' },
  diare_berulang: { id: 'diare berulang', en: 'recurrent diarrhoea' },
  risiko_tbc: { id: 'risiko TBC', en: 'TB risk' },
  gerakan_janin_berkurang: {
    id: 'gerakan janin berkurang/tidak ada',
    en: 'reduced or absent fetal movement',
  },
  jantung_berdebar_nyeri_dada: { id: 'jantung berdebar/nyeri dada', en: 'palpitations or chest pain' },
  keluar_cairan_jalan_lahir: { id: 'keluar cairan dari jalan lahir', en: 'fluid from the birth canal' },
  sakit_saat_kencing: { id: 'sakit saat kencing', en: 'pain on passing urine' },
  nyeri_perut_hebat: { id: 'nyeri perut hebat', en: 'severe abdominal pain' },
  perdarahan: { id: 'perdarahan', en: 'bleeding' },
  muntah_terus: { id: 'muntah terus-menerus', en: 'persistent vomiting' },
  kejang: { id: 'kejang', en: 'convulsions' },
}

const PRE_ECLAMPSIA_SIGNS: readonly IbuHamilDangerSign[] = [
  'sakit_kepala_berat',
  'pandangan_kabur',
  'bengkak',
]

const SRC_KIA = 'Buku KIA; Permenkes 21/2021 (clinical-rules.md §2.2)'
const SRC_KEK = 'Form kunjungan rumah ILP (clinical-rules.md §2.2)'
const SRC_BP = 'Kemenkes (clinical-rules.md §2.2, §2.4)'
const SRC_TTD = 'Kemenkes; form ILP (clinical-rules.md §2.2)'
const SRC_HB = 'WHO 2011 (clinical-rules.md §2.2)'
const SRC_ANC = 'Permenkes 21/2021; Buku KIA (clinical-rules.md §2.2)'
const SRC_DANGER = 'Form kunjungan rumah ILP; Buku KIA (clinical-rules.md §2.2)'

// LiLA < 23.5 cm = risiko KEK → PMT bumil KEK: ILP form field "LiLA < 23,5 cm (risiko KEK)" (clinical-rules.md §2.2) [V]
export const LILA_KEK_CM = 23.5
// Tekanan darah ≥ 140/90 mmHg → rujuk: Kemenkes (clinical-rules.md §2.4, applied in pregnancy) [K]
const BP_HIGH = { systolic: 140, diastolic: 90 }
// ≥ 160/110 in pregnancy is severe hypertension (pre-eclampsia with severe features) → rujuk segera: WHO 2011
// recommendations for pre-eclampsia/eclampsia; PNPK Diagnosis dan Tata Laksana Pre-eklampsia (POGI 2016) [K]
// (clinical-rules.md §2.2)
export const BP_SEVERE_PREGNANCY = { systolic: 160, diastolic: 110 }
const SRC_BP_SEVERE = 'WHO 2011 pre-eklampsia; PNPK Pre-eklampsia POGI 2016 [K] (clinical-rules.md §2.2)'
// TTD minimum 90 tablets in pregnancy, 1 a day: Kemenkes (clinical-rules.md §2.2) [K]
export const TTD_MIN_PREGNANCY = 90
// Anaemia in pregnancy Hb < 11.0 g/dL: WHO 2011 (clinical-rules.md §2.2) [K]; the WHO 2024 TM2 < 10.5 is not used.
export const HB_ANAEMIA_PREGNANCY = 11

export function interpretIbuHamil(s: IbuHamilScreening, ctx: ScreeningContext): Finding[] {
  if (ctx.problemsOnly) {
    return [
      ...bloodPressure(s),
      ...hb(s.hbGdl),
      ...dangerSignFindings('bumil.tanda_bahaya', s.dangerSigns, DANGER_LABELS, SRC_DANGER),
    ]
  }
  const status = ctx.hpht ? pregnancy(ctx.hpht, ctx.today, ctx.deliveryDate) : undefined
  const findings: Finding[] = []
  if (status) findings.push(gestationFinding(status, trimesterAt(status.weeks, ctx.settings)))
  findings.push(...lila(s.lilaCm))
  findings.push(...bloodPressure(s))
  findings.push(...ttd(s, status, ctx.today))
  findings.push(...hb(s.hbGdl))
  if (status && ctx.hpht && s.ancContacts) {
    findings.push(...ancFindings(ancByTrimester(ctx.hpht, s.ancContacts, ctx.today, ctx.settings)))
  }
  findings.push(...dangerSignFindings('bumil.tanda_bahaya', s.dangerSigns, DANGER_LABELS, SRC_DANGER))
  return findings
}

/**
 * The trimester of a gestational age in completed weeks, by the one split the app uses everywhere — the ANC count's
 * (settings.ancTrimesterStartWeeks, default 13 and 25 weeks): a screen never says "trimester 2" and "ANC trimester 3"
 * about the same day (clinical-rules.md §2.2).
 */
export function trimesterAt(
  weeks: number,
  settings: Pick<ClinicalSettings, 'ancTrimesterStartWeeks'>,
): 1 | 2 | 3 {
  const [start2, start3] = settings.ancTrimesterStartWeeks
  return weeks < start2 ? 1 : weeks < start3 ? 2 : 3
}

function gestationFinding(p: PregnancyStatus, trimester: 1 | 2 | 3): Finding {
  const hpl = sayDate(p.hpl)
  return finding(
    'bumil.usia_kehamilan',
    'normal',
    {
      id: `Usia kehamilan ${p.weeks} mgg ${p.days} hr (trimester ${trimester}), HPL ${hpl.id}`,
      en: `Gestational age ${p.weeks} wk ${p.days} d (trimester ${trimester}), due date ${hpl.en}`,
    },
    SRC_KIA,
  )
}

function lila(lilaCm: number | undefined): Finding[] {
  if (lilaCm === undefined) return []
  if (lilaCm < LILA_KEK_CM) {
    return [
      finding(
        'bumil.lila.kek',
        'perhatian',
        {
          id: `LiLA ${sayNumber(lilaCm).id} cm (< 23,5): risiko KEK — PMT bumil KEK`,
          en: `MUAC ${lilaCm} cm (< 23.5): at risk of chronic energy deficiency — supplementary feeding`,
        },
        SRC_KEK,
      ),
    ]
  }
  return [
    finding(
      'bumil.lila.normal',
      'normal',
      { id: `LiLA ${sayNumber(lilaCm).id} cm (≥ 23,5)`, en: `MUAC ${lilaCm} cm (≥ 23.5)` },
      SRC_KEK,
    ),
  ]
}

function bloodPressure(s: IbuHamilScreening): Finding[] {
  const { systolicMmHg: sys, diastolicMmHg: dia } = s
  if (sys === undefined && dia === undefined) return []
  const reading = bpText(sys, dia)
  if ((sys ?? 0) < BP_HIGH.systolic && (dia ?? 0) < BP_HIGH.diastolic) {
    return [
      finding(
        'bumil.td.normal',
        'normal',
        { id: `Tekanan darah ${reading} (< 140/90)`, en: `Blood pressure ${reading} (< 140/90)` },
        SRC_BP,
      ),
    ]
  }
  const severe = (sys ?? 0) >= BP_SEVERE_PREGNANCY.systolic || (dia ?? 0) >= BP_SEVERE_PREGNANCY.diastolic
  const high = severe
    ? urgent(
        finding(
          'bumil.td.tinggi',
          'rujuk',
          {
            id: `Tekanan darah ${reading} (≥ 160/110): hipertensi berat dalam kehamilan — rujuk segera`,
            en: `Blood pressure ${reading} (≥ 160/110): severe hypertension in pregnancy — refer now`,
          },
          SRC_BP_SEVERE,
        ),
      )
    : finding(
        'bumil.td.tinggi',
        'rujuk',
        {
          id: `Tekanan darah ${reading} (≥ 140/90) — rujuk`,
          en: `Blood pressure ${reading} (≥ 140/90) — refer`,
        },
        SRC_BP,
      )
  // High blood pressure with headache, blurred vision or oedema: pre-eclampsia danger — Buku KIA tanda bahaya
  // (clinical-rules.md §2.2) [K]
  const signs = PRE_ECLAMPSIA_SIGNS.filter((sign) => s.dangerSigns?.includes(sign))
  if (signs.length === 0) return [high]
  return [
    high,
    urgent(
      finding(
        'bumil.preeklampsia',
        'rujuk',
        {
          id: `Tekanan darah tinggi dengan ${signs.map((x) => DANGER_LABELS[x].id).join(', ')}: bahaya pre-eklampsia — rujuk segera`,
          en: `High blood pressure with ${signs.map((x) => DANGER_LABELS[x].en).join(', ')}: pre-eclampsia danger — refer now`,
        },
        SRC_DANGER,
      ),
    ),
  ]
}

function ttd(s: IbuHamilScreening, status: PregnancyStatus | undefined, today: string): Finding[] {
  const findings: Finding[] = []
  if (s.ttdAvailable === false) {
    findings.push(
      finding(
        'bumil.ttd.tidak_tersedia',
        'perhatian',
        {
          id: 'TTD tidak tersedia — hubungi bidan',
          en: 'No iron-folic acid tablets at home — contact the midwife',
        },
        SRC_TTD,
      ),
    )
  }
  if (s.ttdTakenLast24h === false) {
    findings.push(
      finding(
        'bumil.ttd.tidak_diminum',
        'perhatian',
        {
          id: 'TTD tidak diminum 24 jam terakhir — ingatkan 1 tablet sehari',
          en: 'No iron-folic acid tablet in the last 24 h — remind: 1 tablet a day',
        },
        SRC_TTD,
      ),
    )
  }
  const total = s.ttdTabletsTotal
  if (total === undefined) return findings
  if (total >= TTD_MIN_PREGNANCY) {
    findings.push(
      finding(
        'bumil.ttd.cukup',
        'normal',
        { id: `TTD ${total} tablet (≥ 90)`, en: `${total} iron-folic acid tablets (≥ 90)` },
        SRC_TTD,
      ),
    )
    return findings
  }
  // At one tablet a day, can the 90 still be reached by the HPL?
  const daysLeft = status ? Math.max(0, daysBetween(today, status.hpl)) : undefined
  const behind = daysLeft !== undefined && total + daysLeft < TTD_MIN_PREGNANCY
  findings.push(
    behind
      ? finding(
          'bumil.ttd.kurang',
          'perhatian',
          {
            id: `TTD baru ${total} tablet: tidak akan mencapai 90 sebelum HPL — KIE kepatuhan`,
            en: `Only ${total} iron-folic acid tablets: 90 cannot be reached by the due date — counsel adherence`,
          },
          SRC_TTD,
        )
      : finding(
          'bumil.ttd.berjalan',
          'normal',
          { id: `TTD ${total} tablet (target ≥ 90)`, en: `${total} iron-folic acid tablets (target ≥ 90)` },
          SRC_TTD,
        ),
  )
  return findings
}

function hb(hbGdl: number | undefined): Finding[] {
  if (hbGdl === undefined) return []
  // Level 'rujuk': anaemia in pregnancy is treated by the bidan, not with the preventive TTD dose — project choice [K]
  if (hbGdl < HB_ANAEMIA_PREGNANCY) {
    return [
      finding(
        'bumil.hb.anemia',
        'rujuk',
        {
          id: `Hb ${sayNumber(hbGdl).id} g/dL (< 11): anemia — rujuk`,
          en: `Hb ${hbGdl} g/dL (< 11): anaemia — refer`,
        },
        SRC_HB,
      ),
    ]
  }
  return [
    finding(
      'bumil.hb.normal',
      'normal',
      { id: `Hb ${sayNumber(hbGdl).id} g/dL (≥ 11)`, en: `Hb ${hbGdl} g/dL (≥ 11)` },
      SRC_HB,
    ),
  ]
}

export interface AncTrimesterCount {
  trimester: 1 | 2 | 3
  /** settings.ancPerTrimester */
  required: number
  /** Distinct contact days in this trimester, up to today. */
  done: number
  /** The trimester is over (today is past its last week). */
  elapsed: boolean
  /** The trimester has started. */
  started: boolean
}

/**
 * ANC contacts per trimester, each contact placed by its gestational age on its date (lifecycle.pregnancy), with
 * the trimester bounds and required counts from settings (the split is disputed, clinical-rules.md §2.2). Contacts
 * before the HPHT, after today or past 44 weeks are ignored. undefined when the HPHT gives no current pregnancy.
 */
export function ancByTrimester(
  hpht: string,
  contacts: readonly AncContact[],
  today: string,
  settings: Pick<ClinicalSettings, 'ancPerTrimester' | 'ancTrimesterStartWeeks'>,
): AncTrimesterCount[] {
  const now = pregnancy(hpht, today)
  if (!now) return []
  const trimesterOf = (weeks: number) => trimesterAt(weeks, settings)
  const days = [...new Set(contacts.map((c) => c.date))].filter((d) => d <= today)
  const counts = [0, 0, 0]
  for (const day of days) {
    const at = pregnancy(hpht, day)
    if (!at) continue
    const i = trimesterOf(at.weeks) - 1
    counts[i] = (counts[i] ?? 0) + 1
  }
  const current = trimesterOf(now.weeks)
  return ([1, 2, 3] as const).map((t) => ({
    trimester: t,
    required: settings.ancPerTrimester[t - 1] ?? 0,
    done: counts[t - 1] ?? 0,
    elapsed: t < current,
    started: t <= current,
  }))
}

function ancFindings(counts: readonly AncTrimesterCount[]): Finding[] {
  return counts
    .filter((c) => c.started)
    .map((c) => {
      const tally = `${c.done}/${c.required}`
      if (c.done >= c.required) {
        return finding(
          `bumil.anc.tm${c.trimester}.cukup`,
          'normal',
          { id: `ANC trimester ${c.trimester}: ${tally}`, en: `ANC trimester ${c.trimester}: ${tally}` },
          SRC_ANC,
        )
      }
      // Missing contacts in a trimester that is over → perhatian, kunjungan khusus (clinical-rules.md §2.2, §3.1)
      if (c.elapsed) {
        return finding(
          `bumil.anc.tm${c.trimester}.kurang`,
          'perhatian',
          {
            id: `ANC trimester ${c.trimester} kurang: ${tally} kunjungan`,
            en: `ANC trimester ${c.trimester} short: ${tally} contacts`,
          },
          SRC_ANC,
        )
      }
      return finding(
        `bumil.anc.tm${c.trimester}.berjalan`,
        'normal',
        {
          id: `ANC trimester ${c.trimester} sejauh ini: ${tally}`,
          en: `ANC trimester ${c.trimester} so far: ${tally}`,
        },
        SRC_ANC,
      )
    })
}
