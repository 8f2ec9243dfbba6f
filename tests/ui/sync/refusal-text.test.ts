// The field a refusal names, read from the server's issue paths: the form's label, the change itself, or as sent.
import { describe, expect, it } from 'vitest'
import { fieldLabel, refusalText } from '../../../src/ui/sync/refusal-text'

describe('fieldLabel', () => {
  it('reads nested paths, field clocks and field values by the form’s label', () => {
    expect(fieldLabel('id', 'households', 'address.rt')).toBe('RT')
    expect(fieldLabel('en', 'households', 'location.lat')).toBe('Home location (GPS)')
    expect(fieldLabel('en', 'members', 'fields.name.hlc')).toBe('Full name')
    expect(fieldLabel('id', 'visits', 'parts.balita.weightKg')).toBe('Bayi, balita & anak prasekolah')
    expect(fieldLabel('en', 'followUps', 'facility')).toBe(fieldLabel('en', 'followUps', 'fields.facility'))
  })

  it('gives no field for the change itself and leaves an unknown path to the caller', () => {
    expect(fieldLabel('id', 'visits', 'changeId')).toBe('')
    expect(fieldLabel('id', 'members', 'fields')).toBe('')
    expect(fieldLabel('id', 'visits', 'supersedes')).toBeUndefined()
    // The same name is a field of one record and not of another.
    expect(fieldLabel('id', 'households', 'birthDate')).toBeUndefined()
  })
})

describe('refusalText', () => {
  it('keeps an unknown path as sent, and says the reason when the server named no issue', () => {
    const issue = (path: string) => ({ path, message: 'err.required' })
    expect(refusalText('en', { entity: 'visits', reason: 'invalid', issues: [issue('supersedes')] })).toBe(
      'supersedes: Required.',
    )
    expect(refusalText('id', { entity: 'visits', reason: 'invalid', issues: [issue('changeId')] })).toBe(
      'Wajib diisi.',
    )
    expect(refusalText('id', { entity: 'households', reason: 'forbidden', issues: [] })).toBe(
      'di luar wilayah kerja Anda',
    )
  })
})
