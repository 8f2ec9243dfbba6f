// The area worker bridge (src/data/area/client.ts): every call settles — with its result, the computation's
// error, or as crashed, timed out or aborted — and a dead or stuck worker is replaced on the next call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AreaError } from '../../src/data/area/client'
import { FakeWorker, installFakeWorker } from './fake-worker'

let uninstall: () => void
let client: typeof import('../../src/data/area/client')

beforeEach(async () => {
  uninstall = installFakeWorker('silent')
  vi.resetModules() // a fresh bridge: no worker from an earlier test
  client = await import('../../src/data/area/client')
})
afterEach(() => {
  vi.useRealTimers()
  uninstall()
})

const args = { workAreaId: 'bolang-rw2', today: '2025-06-15' }
const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: AreaError) => [e.name, e.reason, e.detail],
  )
const worker = (i: number) => FakeWorker.instances[i] as FakeWorker

describe('callArea', () => {
  it('posts a typed request and resolves with the answer to its id', async () => {
    const first = client.callArea('schedule', args)
    const second = client.callArea('pws', { workAreaId: 'bolang-rw2', month: '2025-06' })
    expect(worker(0).requests).toEqual([
      { id: 1, call: 'schedule', args },
      { id: 2, call: 'pws', args: { workAreaId: 'bolang-rw2', month: '2025-06' } },
    ])
    worker(0).answer({ id: 2, ok: true, result: 'report' })
    worker(0).answer({ id: 1, ok: true, result: 'tasks' })
    expect([await first, await second]).toEqual(['tasks', 'report'])
  })

  it('rejects with the name of the error the computation threw', async () => {
    const call = client.callArea('schedule', args)
    worker(0).answer({ id: 1, ok: false, error: 'DataError' })
    expect(await reasonOf(call)).toEqual(['AreaError', 'failed', 'DataError'])
  })

  it.each(['error', 'messageerror'] as const)(
    'fails every waiting call as crashed on %s and starts a new worker for the next call',
    async (event) => {
      const a = client.callArea('schedule', args)
      const b = client.callArea('schedule', args)
      worker(0).crash(event)
      expect([await reasonOf(a), await reasonOf(b)]).toEqual([
        ['AreaError', 'crashed', undefined],
        ['AreaError', 'crashed', undefined],
      ])
      expect(worker(0).terminated).toBe(true)
      const next = client.callArea('schedule', args)
      expect(FakeWorker.instances).toHaveLength(2)
      worker(1).answer({ id: 3, ok: true, result: 'tasks' })
      expect(await next).toBe('tasks')
    },
  )

  it('times out a worker that never answers, stops it, and answers the next call from a new one', async () => {
    vi.useFakeTimers()
    const call = reasonOf(client.callArea('schedule', args))
    await vi.advanceTimersByTimeAsync(client.AREA_CALL_TIMEOUT_MS - 1)
    expect(worker(0).terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await call).toEqual(['AreaError', 'timeout', undefined])
    expect(worker(0).terminated).toBe(true)
    const next = client.callArea('schedule', args)
    worker(1).answer({ id: 2, ok: true, result: 'tasks' })
    expect(await next).toBe('tasks')
  })

  it('rejects as aborted when the signal fires, and ignores the late answer', async () => {
    const controller = new AbortController()
    const call = reasonOf(client.callArea('schedule', args, { signal: controller.signal }))
    controller.abort()
    expect(await call).toEqual(['AreaError', 'aborted', undefined])
    worker(0).answer({ id: 1, ok: true, result: 'late' })
    // The worker is kept: an abort says nothing about it.
    const next = client.callArea('schedule', args)
    worker(0).answer({ id: 2, ok: true, result: 'tasks' })
    expect(await next).toBe('tasks')
    expect(FakeWorker.instances).toHaveLength(1)
  })

  it('does not post a call whose signal has already fired', async () => {
    const controller = new AbortController()
    controller.abort()
    expect(await reasonOf(client.callArea('schedule', args, { signal: controller.signal }))).toEqual([
      'AreaError',
      'aborted',
      undefined,
    ])
    expect(FakeWorker.instances.flatMap((w) => w.requests)).toEqual([])
  })
})
