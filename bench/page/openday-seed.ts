// The open-day bench's posyandu (in the page, dated from the page's today): 80 sasaran expected — 52 children of
// 0–71 months (22 weighed last month), 8 ibu hamil, 4 ibu nifas and 16 lansia who came last month — in 80
// households with one more adult each and 16 remaja nobody expects: 176 members. Today is its open day.
import type { Household, Member } from '../../src/protocol/records'
import type { Visit } from '../../src/protocol/visits'

export const OPEN_DAY_EXPECTED = 80
const CHILDREN = 52
const BUMIL = 8
const NIFAS = 4
const LANSIA = 16
const REMAJA = 16

const pad = (n: number) => String(n).padStart(2, '0')
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
function shifted(today: Date, { years = 0, months = 0, days = 0 }): string {
  const d = new Date(today)
  d.setDate(1)
  d.setFullYear(d.getFullYear() - years, d.getMonth() - months)
  d.setDate(Math.min(today.getDate(), 28) - days)
  return dayOf(d)
}
// A UUID v4 from a counter: stable, valid for the schemas, sorted like the generation order.
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

export function openDaySeed(
  workAreaId: string,
  area: { kabupaten: string; kecamatan: string; desa: string },
) {
  const now = new Date()
  const at = now.toISOString()
  let next = 1
  const meta = () => ({
    id: uuid(next++),
    createdAt: at,
    updatedAt: at,
    deviceId: 'bench',
    version: 1,
    deleted: false,
  })
  const households: Household[] = []
  const members: Member[] = []
  const visits: Visit[] = []
  const lastOpenDay = shifted(now, { months: 1 })
  const person = (household: Household, i: number, fields: Partial<Member>): Member => {
    const m: Member = {
      ...meta(),
      householdId: household.id,
      name: `Sasaran ${String(i).padStart(3, '0')}`,
      sex: i % 2 ? 'P' : 'L',
      birthDate: shifted(now, { years: 35 }),
      relation: 'lainnya',
      ...fields,
    }
    members.push(m)
    return m
  }
  const came = (m: Member, parts: Visit['parts']) =>
    visits.push({
      ...meta(),
      memberId: m.id,
      householdId: m.householdId,
      workAreaId,
      date: lastOpenDay,
      place: 'posyandu',
      parts,
    })
  for (let i = 0; i < OPEN_DAY_EXPECTED; i++) {
    const household: Household = {
      ...meta(),
      workAreaId,
      headName: `Kepala Keluarga ${String(i).padStart(3, '0')}`,
      address: { ...area, dusun: 'Krajan', rw: '002', rt: `00${(i % 5) + 1}` },
    }
    households.push(household)
    person(household, 1000 + i, {
      relation: 'kepala',
      sex: 'L',
      birthDate: shifted(now, { years: 30 + (i % 25) }),
    })
    if (i < CHILDREN) {
      // The first five, who come first (by name), are 2–3 years old: the bench weighs them at 12 kg and 88 cm.
      const months = i < 5 ? 24 + 2 * i : 1 + ((i * 5) % 70)
      const child = person(household, i, { relation: 'anak', birthDate: shifted(now, { months }) })
      // Weighed last month at a weight and height plausible for the age.
      if (i % 7 < 3)
        came(child, {
          balita: {
            weightKg: 4 + months * 0.2,
            lengthCm: 55 + months * 0.6,
            position: months < 24 ? 'lying' : 'standing',
          },
        })
    } else if (i < CHILDREN + BUMIL)
      person(household, i, { sex: 'P', relation: 'istri', hpht: shifted(now, { months: 2 + (i % 6) }) })
    else if (i < CHILDREN + BUMIL + NIFAS)
      person(household, i, {
        sex: 'P',
        relation: 'istri',
        deliveryDate: shifted(now, { days: 10 + (i % 20) }),
      })
    else {
      const elder = person(household, i, {
        relation: 'orang_tua',
        birthDate: shifted(now, { years: 62 + (i % 15) }),
      })
      came(elder, { lansia: { weightKg: 50, systolicMmHg: 130, diastolicMmHg: 85 } })
    }
    if (i < REMAJA) person(household, 2000 + i, { relation: 'anak', birthDate: shifted(now, { years: 15 }) })
  }
  if (households.length !== OPEN_DAY_EXPECTED || LANSIA !== OPEN_DAY_EXPECTED - CHILDREN - BUMIL - NIFAS)
    throw new Error('open-day seed: the groups do not add up to 80')
  const calendar = { openDay: { week: Math.ceil(now.getDate() / 7), weekday: now.getDay() } }
  return { households, members, visits, calendar, today: dayOf(now) }
}
