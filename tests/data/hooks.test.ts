// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { getDb } from '../../src/data/db'
import { useDataVersion, useHousehold, useMember, useWorkArea, useWorkAreaRows } from '../../src/data/hooks'
import { isInserts } from '../../src/data/outbox'
import { saveHousehold, saveMember } from '../../src/data/write'
import { householdInput, LATER, memberInput, NOW, TODAY, WORK_AREA, withTestDb } from './fixtures'

withTestDb()
// Unmount before the database is deleted (after-hooks run in reverse order), so no live query outlives its test.
afterEach(cleanup)

async function createHousehold() {
  const result = await saveHousehold(householdInput(), { now: NOW })
  if (!result.ok) throw new Error('household not saved')
  return result.record
}

describe('hooks', () => {
  it('useHousehold follows writes live', async () => {
    const h = await createHousehold()
    const { result } = renderHook(() => useHousehold(h.id))
    expect(result.current).toBeUndefined()
    await waitFor(() => expect(result.current).toEqual({ household: h, members: [] }))
    await act(() => saveMember(memberInput(h.id), { now: NOW, today: TODAY }))
    await waitFor(() => expect(result.current?.members.map((m) => m.name)).toEqual(['Siti Aminah']))
  })

  it('useMember is null for an unknown id', async () => {
    const { result } = renderHook(() => useMember(crypto.randomUUID()))
    await waitFor(() => expect(result.current).toBeNull())
  })

  it('useWorkAreaRows waits for the work area, then lists its households', async () => {
    const h = await createHousehold()
    const { result, rerender } = renderHook(({ id }) => useWorkAreaRows(id, TODAY), {
      initialProps: { id: undefined as string | undefined },
    })
    const { result: workArea } = renderHook(() => useWorkArea())
    await waitFor(() => expect(workArea.current?.id).toBe(WORK_AREA))
    expect(result.current).toBeUndefined()
    rerender({ id: workArea.current?.id })
    await waitFor(() => expect(result.current?.map((r) => r.household.id)).toEqual([h.id]))
  })

  it('useWorkAreaRows keeps the rows between screens until a household or member changes', async () => {
    const h = await createHousehold()
    const first = renderHook(() => useWorkAreaRows(WORK_AREA, TODAY))
    await waitFor(() => expect(first.result.current).toHaveLength(1))
    const rows = first.result.current
    first.unmount()
    // Shown again: the same rows at the first render, nothing read again.
    const again = renderHook(() => useWorkAreaRows(WORK_AREA, TODAY))
    expect(again.result.current).toBe(rows)
    // A change while shown: the rows follow it.
    await act(() => saveMember(memberInput(h.id), { now: NOW, today: TODAY }))
    await waitFor(() => expect(again.result.current?.[0]?.members).toHaveLength(1))
    again.unmount()
    // A change while not shown: the kept rows are dropped, never shown out of date.
    await saveHousehold(householdInput({ headName: 'Joko' }), { now: NOW })
    const later = renderHook(() => useWorkAreaRows(WORK_AREA, TODAY))
    expect(later.result.current).toBeUndefined()
    await waitFor(() => expect(later.result.current).toHaveLength(2))
  })

  it('useWorkArea gives the work area last read at the first render of a screen shown again', async () => {
    const first = renderHook(() => useWorkArea())
    await waitFor(() => expect(first.result.current?.id).toBe(WORK_AREA))
    first.unmount()
    expect(renderHook(() => useWorkArea()).result.current?.id).toBe(WORK_AREA)
  })

  it('useDataVersion changes with an edit that replaces a refused change (the outbox keeps its size)', async () => {
    const h = await createHousehold()
    const db = getDb()
    const [row] = await db.outbox.toArray()
    if (!row || isInserts(row)) throw new Error('household change')
    await db.outbox.put({ ...row, rejected: { reason: 'invalid', issues: [], at: NOW.toISOString() } })
    const { result } = renderHook(() => useDataVersion())
    await waitFor(() => expect(result.current).toBeDefined())
    const before = result.current
    const rows = await db.outbox.count()
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, version: _v, deleted: _x, ...input } = h
    await act(() => saveHousehold({ ...input, headName: 'Harjo Sumarno' }, { id: h.id, now: LATER }))
    expect(await db.outbox.count()).toBe(rows)
    await waitFor(() => expect(result.current).not.toBe(before))
  })
})
