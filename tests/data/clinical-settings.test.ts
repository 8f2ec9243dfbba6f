import { describe, expect, it } from 'vitest'
import { getClinicalSettings, saveClinicalSettings } from '../../src/data/clinical-settings'
import { getDataIssues } from '../../src/data/data-issues'
import { DEFAULT_CLINICAL_SETTINGS } from '../../src/domain/clinical-settings'
import { withTestDb } from './fixtures'

const db = withTestDb()

describe('clinical settings', () => {
  it('starts from the cited defaults and keeps a puskesmas choice', async () => {
    expect(await getClinicalSettings()).toEqual(DEFAULT_CLINICAL_SETTINGS)
    await saveClinicalSettings({ ...DEFAULT_CLINICAL_SETTINGS, ancPerTrimester: [2, 1, 3], pumaReferAt: 5 })
    expect(await getClinicalSettings()).toMatchObject({ ancPerTrimester: [2, 1, 3], pumaReferAt: 5 })
  })

  it('refuses to store nonsense and falls back to the defaults when a stored value is corrupt', async () => {
    await expect(saveClinicalSettings({ ...DEFAULT_CLINICAL_SETTINGS, pumaReferAt: 42 })).rejects.toThrow()
    await db().meta.put({ key: 'clinicalSettings', value: { kbmTable: 'nope' } })
    expect(await getClinicalSettings()).toEqual(DEFAULT_CLINICAL_SETTINGS)
    expect(getDataIssues()).toContainEqual(expect.objectContaining({ table: 'meta', id: 'clinicalSettings' }))
  })
})
