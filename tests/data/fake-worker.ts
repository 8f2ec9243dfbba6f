// A stand-in for the browser's Worker where tests have none (Node, jsdom): records what the page posts and lets the
// test answer, crash, or stay silent. `behaviour` decides what a new worker does with a call.
import type { AreaRequest, AreaResponse } from '../../src/data/area/protocol'

export type Behaviour = 'silent' | 'crash-on-call' | 'compute'

export class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = []
  /** What the next worker made does with each call. */
  static behaviour: Behaviour = 'silent'
  readonly requests: AreaRequest[] = []
  readonly behaviour = FakeWorker.behaviour
  terminated = false

  constructor(readonly url: URL | string) {
    super()
    FakeWorker.instances.push(this)
  }

  postMessage(message: AreaRequest | { changed: unknown } | { keys: unknown }): void {
    if (!('id' in message)) return
    this.requests.push(message)
    if (this.behaviour === 'crash-on-call') queueMicrotask(() => this.crash())
    if (this.behaviour === 'compute') {
      // A worker that works: the same computation, in this thread.
      void import('../../src/data/area/compute').then(({ runAreaCall }) =>
        runAreaCall(message.call, message.args).then(
          (result) => this.answer({ id: message.id, ok: true, result }),
          (error: Error) => this.answer({ id: message.id, ok: false, error: error.name }),
        ),
      )
    }
  }

  answer(response: AreaResponse): void {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: response }))
  }

  /** What a worker whose script failed to load, or that threw outside a call, does. */
  crash(type: 'error' | 'messageerror' = 'error'): void {
    if (!this.terminated) this.dispatchEvent(new Event(type, { cancelable: true }))
  }

  terminate(): void {
    this.terminated = true
  }
}

/** Puts FakeWorker in place of Worker; returns the undo. */
export function installFakeWorker(behaviour: Behaviour = 'silent'): () => void {
  const had = Object.getOwnPropertyDescriptor(globalThis, 'Worker')
  FakeWorker.instances = []
  FakeWorker.behaviour = behaviour
  Object.defineProperty(globalThis, 'Worker', { configurable: true, writable: true, value: FakeWorker })
  return () => {
    if (had) Object.defineProperty(globalThis, 'Worker', had)
    else delete (globalThis as { Worker?: unknown }).Worker
  }
}
