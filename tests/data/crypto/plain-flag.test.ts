// The bench's plain build stores records in clear (src/data/crypto/middleware.ts, bench/at-rest.ts): the app's
// own build must never be it.
import { describe, expect, it } from 'vitest'
import config from '../../../vite.config'

describe('the plain-at-rest flag', () => {
  it('is false in the production build', () => {
    expect(config.define?.__PLAIN_AT_REST__).toBe('false')
  })
})
