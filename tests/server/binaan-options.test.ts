import { describe, expect, it } from 'vitest'
import { binaanOptionsFromEnv } from '../../server/supervisor/options'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'

describe("the wilayah binaan's settings from the environment", () => {
  it('takes the cited defaults and WIB unless told otherwise', () => {
    expect(binaanOptionsFromEnv({})).toEqual({})
    expect(binaanOptionsFromEnv({ PWS_UTC_OFFSET_HOURS: '8' })).toEqual({ utcOffsetHours: 8 })
    expect(
      binaanOptionsFromEnv({ PWS_CLINICAL_SETTINGS: '{"kbmTable":"tulip","ancPerTrimester":[2,1,3]}' }),
    ).toEqual({
      settings: { ...DEFAULT_CLINICAL_SETTINGS, kbmTable: 'tulip', ancPerTrimester: [2, 1, 3] },
    })
  })

  it('refuses a zone outside Indonesia and settings that are not settings', () => {
    expect(() => binaanOptionsFromEnv({ PWS_UTC_OFFSET_HOURS: '0' })).toThrow(
      /7 \(WIB\), 8 \(WITA\) or 9 \(WIT\)/,
    )
    expect(() => binaanOptionsFromEnv({ PWS_CLINICAL_SETTINGS: 'tulip' })).toThrow(/a JSON object/)
    expect(() => binaanOptionsFromEnv({ PWS_CLINICAL_SETTINGS: '{"kbm":"tulip"}' })).toThrow(/kbm is not/)
    expect(() => binaanOptionsFromEnv({ PWS_CLINICAL_SETTINGS: '{"ancPerTrimester":[1,2]}' })).toThrow(
      /ancPerTrimester is not/,
    )
  })
})
