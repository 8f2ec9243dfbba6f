import { describe, expect, it, vi } from 'vitest'
import { StorageError } from '../../src/data/db'
import { getDeviceId, saveWorkArea } from '../../src/data/meta'
import { entriesOf, entriesOfRecords } from '../../src/data/outbox'
import { getHousehold, getMember, membersOf } from '../../src/data/read'
import { saveVisit } from '../../src/data/visits'
import {
  deleteHousehold,
  deleteMember,
  saveHousehold,
  saveMember,
  validateHousehold,
  validateMember,
  type WriteResult,
} from '../../src/data/write'
import type { Household, Member } from '../../src/protocol/records'
import { householdInput, LATER, memberInput, NIK_BUDI, NIK_SITI, NOW, TODAY, withTestDb } from './fixtures'

const db = withTestDb()

function record<T>(result: WriteResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`)
  return result.record
}

const createHousehold = async (overrides = {}): Promise<Household> =>
  record(await saveHousehold(householdInput(overrides), { now: NOW }))

const createMember = async (householdId: string, overrides = {}): Promise<Member> =>
  record(await saveMember(memberInput(householdId, overrides), { now: NOW, today: TODAY }))

async function expectNothingStored() {
  expect(await db().households.count()).toBe(0)
  expect(await db().members.count()).toBe(0)
  expect(await db().outbox.count()).toBe(0)
}

describe('saveHousehold', () => {
  it('creates a normalised record and its outbox entry', async () => {
    const h = await createHousehold({
      headName: '  Budi Santoso ',
      noKk: '',
      address: { ...householdInput().address, rt: '3', rw: '12', street: ' ' },
    })
    expect(h).toMatchObject({
      headName: 'Budi Santoso',
      version: 1,
      deleted: false,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deviceId: await getDeviceId(),
    })
    expect(h.address.rt).toBe('003')
    expect(h.address.rw).toBe('012')
    expect(h).not.toHaveProperty('noKk')
    expect(h.address).not.toHaveProperty('street')
    expect(await db().households.get(h.id)).toEqual(h)

    const outbox = await db().outbox.toArray()
    expect(outbox).toEqual([
      {
        seq: 1,
        changeId: expect.any(String),
        entity: 'households',
        recordId: h.id,
        version: 1,
        changedFields: ['workAreaId', 'headName', 'address'],
        at: NOW.toISOString(),
        deviceId: h.deviceId,
      },
    ])
  })

  it('edits: bumps the version, keeps createdAt and records only the changed fields', async () => {
    const h = await createHousehold()
    const edited = record(
      await saveHousehold(householdInput({ headName: 'Budi S.', noKk: '3301010101250001' }), {
        id: h.id,
        now: LATER,
      }),
    )
    expect(edited).toMatchObject({
      id: h.id,
      version: 2,
      createdAt: NOW.toISOString(),
      updatedAt: LATER.toISOString(),
      headName: 'Budi S.',
    })
    const outbox = (await db().outbox.orderBy('seq').toArray()).flatMap(entriesOf)
    expect(outbox.map((e) => [e.version, e.changedFields])).toEqual([
      [1, ['workAreaId', 'headName', 'address']],
      [2, ['noKk', 'headName']],
    ])
    expect(outbox[1]?.at).toBe(LATER.toISOString())
  })

  it('writes nothing for an edit that changes nothing, RT typed unpadded included', async () => {
    const h = await createHousehold()
    const result = await saveHousehold(householdInput({ headName: ' Budi Santoso' }), {
      id: h.id,
      now: LATER,
    })
    expect(record(result)).toEqual(h)
    expect(await db().outbox.count()).toBe(1)
  })

  it('refuses invalid input with keys per path and stores nothing', async () => {
    const result = await saveHousehold(
      householdInput({ headName: '  ', noKk: '12345', address: { ...householdInput().address, rt: 'abc' } }),
      { now: NOW },
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        headName: { key: 'err.required' },
        noKk: { key: 'err.kk.length' },
        'address.rt': { key: 'err.rt.digits' },
      },
      warnings: {},
    })
    await expectNothingStored()
  })

  it('reports a missing nested object and a wrong type', async () => {
    const result = await saveHousehold({ workAreaId: 'w', headName: 42 }, { now: NOW })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual({
      headName: { key: 'err.invalid' },
      address: { key: 'err.required' },
    })
  })

  it('refuses to edit a deleted or unknown household', async () => {
    const h = await createHousehold()
    await deleteHousehold(h.id, { now: NOW })
    const deleted = await saveHousehold(householdInput(), { id: h.id, now: LATER })
    expect(!deleted.ok && deleted.errors).toEqual({ id: { key: 'err.record.missing' } })
    const unknown = await saveHousehold(householdInput(), { id: crypto.randomUUID(), now: LATER })
    expect(!unknown.ok && unknown.errors).toEqual({ id: { key: 'err.record.missing' } })
    expect(await db().outbox.count()).toBe(2)
  })

  it('warns, without refusing, about a No. KK from an unknown kecamatan', async () => {
    const result = await saveHousehold(householdInput({ noKk: '9999990101250001' }), {
      now: NOW,
      isKnownKecamatan: (code) => code === '330101',
    })
    expect(result.ok).toBe(true)
    expect(result.warnings).toEqual({ noKk: { key: 'err.kk.region', params: { region: '999999' } } })
  })
})

describe('saveMember', () => {
  it('creates a member with its outbox entry after the household', async () => {
    const h = await createHousehold()
    const m = await createMember(h.id, { nik: NIK_SITI, phone: '', nikMismatchConfirmed: false })
    expect(m).toMatchObject({ householdId: h.id, nik: NIK_SITI, version: 1, deleted: false })
    expect(m).not.toHaveProperty('phone')
    expect(m).not.toHaveProperty('nikMismatchConfirmed')
    const outbox = (await db().outbox.orderBy('seq').toArray()).flatMap(entriesOf)
    expect(outbox.map((e) => [e.entity, e.recordId, e.changedFields])).toEqual([
      ['households', h.id, ['workAreaId', 'headName', 'address']],
      ['members', m.id, ['householdId', 'nik', 'name', 'sex', 'birthDate', 'relation']],
    ])
  })

  it('edits with version and changed fields, and writes nothing when nothing changed', async () => {
    const h = await createHousehold()
    const m = await createMember(h.id)
    const input = memberInput(h.id, { hpht: '2025-03-01', phone: '081234567890' })
    const edited = record(await saveMember(input, { id: m.id, now: LATER, today: TODAY }))
    expect(edited).toMatchObject({ version: 2, hpht: '2025-03-01', createdAt: NOW.toISOString() })
    record(await saveMember(input, { id: m.id, now: LATER, today: TODAY }))
    const changes = await entriesOfRecords(db(), [m.id])
    expect(changes.map((e) => [e.version, e.changedFields])).toEqual([
      [1, ['householdId', 'name', 'sex', 'birthDate', 'relation']],
      [2, ['phone', 'hpht']],
    ])
  })

  it.each([
    ['a NIK of 15 digits', { nik: '330101520490001' }, { nik: { key: 'err.nik.length' } }],
    [
      'a birth date in the future',
      { birthDate: '2025-06-16' },
      { birthDate: { key: 'err.birthDate.future' } },
    ],
    ['an empty name', { name: ' ' }, { name: { key: 'err.required' } }],
    ['no sex', { sex: undefined }, { sex: { key: 'err.sex' } }],
    ['a bad date', { birthDate: '1990-02-30' }, { birthDate: { key: 'err.date' } }],
    ['a male pregnancy', { sex: 'L', hpht: '2025-03-01' }, { hpht: { key: 'err.hpht.male' } }],
  ])('refuses %s and stores nothing', async (_, overrides, errors) => {
    const householdId = crypto.randomUUID()
    const result = await saveMember(memberInput(householdId, overrides as Partial<Member>), {
      now: NOW,
      today: TODAY,
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual(errors)
    await expectNothingStored()
  })

  it('refuses a NIK that disagrees with sex or birth date until the kader confirms it', async () => {
    const h = await createHousehold()
    const input = memberInput(h.id, { name: 'Budi', sex: 'L', birthDate: '1988-01-05', nik: NIK_SITI })
    const refused = await saveMember(input, { now: NOW, today: TODAY })
    expect(!refused.ok && refused.errors.nik?.key).toMatch(/^err\.nik\./)
    const confirmed = await saveMember({ ...input, nikMismatchConfirmed: true }, { now: NOW, today: TODAY })
    expect(confirmed.ok).toBe(true)
    expect(confirmed.warnings.nik?.key).toMatch(/^err\.nik\./)
    expect(record(confirmed).nikMismatchConfirmed).toBe(true)
  })

  it('refuses a member whose household is missing or deleted', async () => {
    const missing = await saveMember(memberInput(crypto.randomUUID()), { now: NOW, today: TODAY })
    expect(!missing.ok && missing.errors).toEqual({ householdId: { key: 'err.household.missing' } })
    const h = await createHousehold()
    await deleteHousehold(h.id, { now: NOW })
    const deleted = await saveMember(memberInput(h.id), { now: LATER, today: TODAY })
    expect(!deleted.ok && deleted.errors).toEqual({ householdId: { key: 'err.household.missing' } })
    expect(await db().members.count()).toBe(0)
  })

  it('refuses a NIK another living member has, but not the member’s own or a deleted one’s', async () => {
    const h = await createHousehold()
    const siti = await createMember(h.id, { nik: NIK_SITI })
    const twin = await saveMember(memberInput(h.id, { name: 'Siti Kembar', nik: NIK_SITI }), {
      now: NOW,
      today: TODAY,
    })
    expect(!twin.ok && twin.errors).toEqual({ nik: { key: 'err.nik.duplicate' } })
    record(
      await saveMember(memberInput(h.id, { name: 'Siti A.', nik: NIK_SITI }), {
        id: siti.id,
        now: LATER,
        today: TODAY,
      }),
    )
    await deleteMember(siti.id, { now: LATER })
    record(
      await saveMember(memberInput(h.id, { name: 'Siti Kembar', nik: NIK_SITI }), {
        now: LATER,
        today: TODAY,
      }),
    )
  })

  it('refuses a birth date after a recorded visit, but not after a visit a correction replaced', async () => {
    const h = await createHousehold()
    const m = await createMember(h.id, { birthDate: '1990-04-12' })
    const first = await saveVisit(
      { memberId: m.id, date: '2025-03-01', place: 'rumah', parts: { dewasa: { systolicMmHg: 120 } } },
      { now: NOW, today: TODAY },
    )
    if (!first.ok) throw new Error('visit')
    const later = memberInput(h.id, { birthDate: '2025-04-01' })
    const refused = await saveMember(later, { id: m.id, now: LATER, today: TODAY })
    expect(!refused.ok && refused.errors).toEqual({ birthDate: { key: 'err.member.birthAfterVisit' } })
    expect((await getMember(m.id))?.birthDate).toBe('1990-04-12')
    // The visit's date was wrong: corrected to after the new birth date, the old one no longer counts.
    const corrected = await saveVisit(
      {
        memberId: m.id,
        date: '2025-05-01',
        place: 'rumah',
        parts: { dewasa: { systolicMmHg: 120 } },
        supersedes: first.record.id,
      },
      { now: LATER, today: TODAY },
    )
    expect(corrected.ok).toBe(true)
    record(await saveMember(later, { id: m.id, now: LATER, today: TODAY }))
  })

  it('refuses to edit a deleted member', async () => {
    const h = await createHousehold()
    const m = await createMember(h.id)
    await deleteMember(m.id, { now: LATER })
    const result = await saveMember(memberInput(h.id), { id: m.id, now: LATER, today: TODAY })
    expect(!result.ok && result.errors).toEqual({ id: { key: 'err.record.missing' } })
  })
})

describe('validate (the form’s live check)', () => {
  it('returns the normalised value only when there are no errors', () => {
    const ok = validateHousehold(householdInput())
    expect(ok.value?.address.rt).toBe('003')
    expect(validateHousehold(householdInput({ headName: '' })).value).toBeUndefined()
    const member = validateMember(memberInput(crypto.randomUUID(), { birthDate: '2030-01-01' }), TODAY)
    expect(member).toEqual({ errors: { birthDate: { key: 'err.birthDate.future' } }, warnings: {} })
  })
})

describe('deleting', () => {
  it('soft-deletes a household and its living members in one go, each with an outbox entry', async () => {
    const h = await createHousehold()
    const budi = await createMember(h.id, {
      name: 'Budi',
      sex: 'L',
      birthDate: '1988-01-05',
      relation: 'kepala',
      nik: NIK_BUDI,
    })
    const siti = await createMember(h.id)
    const gone = await createMember(h.id, { name: 'Pindah' })
    await deleteMember(gone.id, { now: NOW })

    await deleteHousehold(h.id, { now: LATER })

    expect(await db().households.get(h.id)).toMatchObject({
      deleted: true,
      version: 2,
      updatedAt: LATER.toISOString(),
    })
    for (const m of [budi, siti])
      expect(await db().members.get(m.id)).toMatchObject({ deleted: true, version: 2 })
    expect(await db().members.get(gone.id)).toMatchObject({ deleted: true, version: 2 })
    const last = (await db().outbox.orderBy('seq').toArray()).flatMap(entriesOf).slice(-3)
    expect(last.map((e) => [e.entity, e.recordId, e.version, e.changedFields])).toEqual([
      ['households', h.id, 2, ['deleted']],
      ['members', budi.id, 2, ['deleted']],
      ['members', siti.id, 2, ['deleted']],
    ])
    expect(await getHousehold(h.id)).toBeUndefined()
    expect(await getMember(siti.id)).toBeUndefined()
    expect(await membersOf(h.id)).toEqual([])
  })

  it('deleting twice writes once', async () => {
    const h = await createHousehold()
    await deleteHousehold(h.id, { now: NOW })
    await deleteHousehold(h.id, { now: LATER })
    expect(await db().outbox.count()).toBe(2)
  })
})

describe('failures', () => {
  it('stores nothing when the outbox append fails', async () => {
    const h = await createHousehold()
    const add = vi.spyOn(db().outbox, 'add').mockRejectedValue(new Error('disk on fire'))
    await expect(createHousehold({ headName: 'Tetangga' })).rejects.toThrow('disk on fire')
    await expect(
      saveHousehold(householdInput({ headName: 'Budi S.' }), { id: h.id, now: LATER }),
    ).rejects.toThrow('disk on fire')
    await expect(deleteHousehold(h.id, { now: LATER })).rejects.toThrow('disk on fire')
    add.mockRestore()
    expect(await db().households.toArray()).toEqual([h])
    expect(await db().outbox.count()).toBe(1)
  })

  it('rejects with StorageError("storage-full") when the quota is exceeded', async () => {
    vi.spyOn(db().households, 'put').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'))
    const attempt = saveHousehold(householdInput(), { now: NOW })
    await expect(attempt).rejects.toBeInstanceOf(StorageError)
    await expect(attempt).rejects.toMatchObject({ reason: 'storage-full' })
    vi.restoreAllMocks()
    await expectNothingStored()
  })
})

describe('work area', () => {
  it('refuses a household outside the kader’s work area, naming the field', async () => {
    await saveWorkArea({
      id: 'bolang-rw2',
      kabupaten: 'Cilacap',
      kecamatan: 'Dayeuhluhur',
      desa: 'Bolang',
      rw: '002',
    })
    const outside = await saveHousehold(
      householdInput({ address: { ...householdInput().address, rw: '5' } }),
      { now: NOW },
    )
    expect(!outside.ok && outside.errors['address.rw']).toEqual({
      key: 'err.address.outsideArea',
      params: { value: '002' },
    })
    const inside = await saveHousehold(
      householdInput({ workAreaId: 'bolang-rw2', address: { ...householdInput().address, rw: '2' } }),
      { now: NOW },
    )
    expect(inside.ok).toBe(true)
  })
})
