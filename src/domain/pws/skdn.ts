// SKDN for balita (§3.2): S = members 0–59 months on the reference date, K = those of S recorded as having a Buku
// KIA/KMS (member.hasKiaBook; not recorded counts as not having one, and the count of those not recorded is kept so
// the report can say so), D = those weighed in the month, N/T/O/B, 2T and BGM from the month's latest weighing (growth/monitoring.ts through
// balita-reading.ts). D = N + T + O + B by construction; D′ = N + T.
import type { Month } from './month'
import type { Register } from './register'
import { ratio, Tally } from './tally'
import type { PwsVisit, Skdn } from './types'

/** SKDN growth codes (growth/findings.ts). */
const STATUS_CODES = { N: 'kms.n', T: 'kms.t', O: 'kms.o', B: 'kms.b' } as const
const CODE_2T = 'kms.2t'
const CODE_BGM = 'kms.bgm'

/** Flags T, 2T and BGM on the register. */
export function skdnSection(month: Month, register: Register): Skdn {
  const tally = {
    S: new Tally(),
    D: new Tally(),
    N: new Tally(),
    T: new Tally(),
    O: new Tally(),
    B: new Tally(),
  }
  const K = new Tally()
  const kiaBookUnrecorded = new Tally()
  const bgm = new Tally()
  const twoT = new Tally()
  const notWeighed = new Tally()
  for (const [id, person] of month.people) {
    if (!person.inS) continue
    tally.S.add(id)
    if (person.member.hasKiaBook === true) K.add(id)
    else if (person.member.hasKiaBook === undefined) kiaBookUnrecorded.add(id)
    const weighing = person.inMonth.findLast((v) => isWeighed(v))
    if (!weighing) {
      notWeighed.add(id)
      continue
    }
    const findings = month.read(person, weighing).parts.find((p) => p.part === 'balita')?.findings ?? []
    const status = (Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]).find((s) =>
      findings.some((f) => f.code === STATUS_CODES[s]),
    )
    if (!status) continue // not reached: every weighing has a status (growth/monitoring.ts)
    tally.D.add(id)
    tally[status].add(id)
    const pick = (code: string) => findings.filter((f) => f.code === code)
    if (status === 'T') register.flag(id, 'T', pick(STATUS_CODES.T))
    if (pick(CODE_2T).length > 0) {
      twoT.add(id)
      register.flag(id, '2T', pick(CODE_2T))
    }
    if (pick(CODE_BGM).length > 0) {
      bgm.add(id)
      register.flag(id, 'BGM', pick(CODE_BGM))
    }
  }

  const S = tally.S.count()
  const withBook = K.count()
  const D = tally.D.count()
  const N = tally.N.count()
  const Dprime = Tally.union(tally.N, tally.T).count()
  const BGM = bgm.count()
  return {
    S,
    K: withBook,
    kiaBookUnrecorded: kiaBookUnrecorded.count(),
    D,
    N,
    T: tally.T.count(),
    O: tally.O.count(),
    B: tally.B.count(),
    Dprime,
    BGM,
    twoT: twoT.count(),
    notWeighed: notWeighed.count(),
    ratios: {
      KS: ratio(withBook, S),
      DS: ratio(D, S),
      ND: ratio(N, D),
      NDprime: ratio(N, Dprime),
      DK: ratio(D, withBook),
      NS: ratio(N, S),
      BGMD: ratio(BGM, D),
    },
  }
}

function isWeighed(v: PwsVisit): boolean {
  const w = v.parts.balita?.weightKg
  return typeof w === 'number' && w > 0
}
