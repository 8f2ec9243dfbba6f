import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { translate } from '../../src/ui/i18n'
import { en as mainEn, id as mainId } from '../../src/ui/i18n/messages'
import { mapMessages } from '../../src/ui/map/messages'
import { historyMessages } from '../../src/ui/visits/history-messages'
import { visitMessages } from '../../src/ui/visits/messages'

// The first screen's dictionary plus those lazy screens add when they load.
const id = { ...mainId, ...visitMessages.id, ...historyMessages.id, ...mapMessages.id }
const en = { ...mainEn, ...visitMessages.en, ...historyMessages.en, ...mapMessages.en }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.includes('.generated.') ? [path] : []
  })
}

describe('UI dictionary', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort())
  })

  it('never defines a key in two dictionaries', () => {
    const keys = [mainId, visitMessages.id, historyMessages.id, mapMessages.id].flatMap((d) => Object.keys(d))
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })

  it('has a message for every error key the schemas and domain rules can return', () => {
    const used = new Set<string>()
    for (const file of sourceFiles('src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](err\.[a-zA-Z.-]+)['`]/g))
        used.add(match[1] as string)
    }
    expect(used.size).toBeGreaterThan(10)
    const missing = [...used].filter((key) => !(key in id))
    expect(missing).toEqual([])
  })

  it('fills parameters and falls back to Bahasa Indonesia, then to the key', () => {
    expect(translate('id', 'households.count', { shown: 3, total: 10 })).toBe('3 dari 10 rumah tangga')
    expect(translate('en', 'households.count', { shown: 3, total: 10 })).toBe('3 of 10 households')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
  })
})
