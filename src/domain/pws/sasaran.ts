// Sasaran (members per life-cycle stage and overlay on the reference date) and screening coverage (those of them
// with a visit in the month holding one of their stage's parts, screening/index.ts screeningPartsFor).
import { LIFE_STAGES, OVERLAYS } from '../lifecycle'
import { screeningPartsFor } from '../screening'
import type { Month } from './month'
import { counts, mapKeys, ratio, Tally, tallies } from './tally'
import type { PwsReport } from './types'

export function sasaranSection(month: Month): PwsReport['sasaran'] {
  const total = new Tally()
  const stages = tallies(LIFE_STAGES)
  const overlays = tallies(OVERLAYS)
  for (const [id, { stages: s }] of month.people) {
    total.add(id)
    stages[s.stage].add(id)
    for (const overlay of s.overlays) overlays[overlay].add(id)
  }
  return { total: total.count(), stages: counts(stages), overlays: counts(overlays) }
}

export function coverageSection(month: Month, sasaran: PwsReport['sasaran']): PwsReport['coverage'] {
  const stageScreened = tallies(LIFE_STAGES)
  const overlayScreened = tallies(OVERLAYS)
  for (const [id, { member, stages, inMonth }] of month.people) {
    const stageParts = screeningPartsFor({ stage: stages.stage, overlays: [] }, member.sex)
    if (inMonth.some((v) => stageParts.some((p) => v.parts[p]))) stageScreened[stages.stage].add(id)
    for (const overlay of stages.overlays) {
      const part = overlay === 'ibu_hamil' ? 'ibu_hamil' : 'nifas'
      if (inMonth.some((v) => v.parts[part])) overlayScreened[overlay].add(id)
    }
  }
  return {
    stages: mapKeys(LIFE_STAGES, (s) => ratio(stageScreened[s].count(), sasaran.stages[s])),
    overlays: mapKeys(OVERLAYS, (o) => ratio(overlayScreened[o].count(), sasaran.overlays[o])),
  }
}
