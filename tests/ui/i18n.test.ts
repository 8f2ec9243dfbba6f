import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGS } from '../../src/domain/text'
import { isErrorKey } from '../../src/protocol/error-messages'
import { defineMessages, type Messages, translate } from '../../src/ui/i18n'
import type { Message } from '../../src/ui/i18n/dictionary'
import { mapMessages } from '../../src/ui/map/messages'
import { syncMessages } from '../../src/ui/sync/messages'
import { historyMessages } from '../../src/ui/visits/history-messages'

// Every dictionary of the app, found by file name (a dictionary lives in a file named *messages.ts), so a new one
// is checked without anyone remembering to list it here.
const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*messages.ts', { eager: true })
const dictionaries = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isDictionary(value))
    .map(([name, value]) => ({ name: `${file.replace('../../', '')} ${name}`, messages: value as Messages })),
)
const core = 'src/ui/i18n/messages.ts coreMessages'
// The core dictionary includes the first screen's feature dictionaries and the error messages.
const included = new Set([
  'src/ui/pwa/messages.ts pwaMessages',
  'src/protocol/error-messages.ts errorMessages',
  'src/ui/households/messages.ts householdMessages',
  'src/ui/members/core-messages.ts memberCoreMessages',
  'src/ui/sync/core-messages.ts syncCoreMessages',
])

// Lazy dictionaries that gather parts the same way: the visit form's, and those that show the sync errors.
const syncErrors = 'src/ui/sync/error-messages.ts syncErrorMessages'
const gatherers = new Map([
  [core, included],
  ['src/ui/sync/messages.ts syncMessages', new Set([syncErrors])],
  ['src/ui/binaan/binaan-messages.ts binaanMessages', new Set([syncErrors])],
  [
    'src/ui/visits/messages.ts visitMessages',
    new Set([
      'src/ui/visits/mother-child-messages.ts motherChildMessages',
      'src/ui/visits/youth-adult-messages.ts youthAdultMessages',
    ]),
  ],
])

function isDictionary(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && 'id' in value && 'en' in value
}

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((_, i) => i > 0)
  return [
    ...new Set(texts.flatMap((text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))),
  ].sort()
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !name.includes('.generated.') ? [path] : []
  })
}

describe('the dictionaries', () => {
  it('are found: the core and its parts, and the lazy screens’', () => {
    const names = dictionaries.map((d) => d.name)
    expect(names).toEqual(
      expect.arrayContaining([
        core,
        ...included,
        'src/ui/visits/messages.ts visitMessages',
        'src/ui/visits/core-messages.ts visitCoreMessages',
        'src/ui/settings/messages.ts settingsMessages',
        'src/ui/schedule/messages.ts scheduleMessages',
        'src/ui/pws/messages.ts pwsMessages',
        'src/ui/sync/messages.ts syncMessages',
        syncErrors,
        'src/ui/visits/mother-child-messages.ts motherChildMessages',
        'src/ui/visits/youth-adult-messages.ts youthAdultMessages',
        'src/ui/visits/history-messages.ts historyMessages',
        'src/ui/map/messages.ts mapMessages',
      ]),
    )
  })

  it.each(dictionaries)('$name: every key in both languages, with the same parameters', ({ messages }) => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort())
    for (const [key, message] of Object.entries(messages.id)) {
      expect([key, placeholders(messages.en[key] as Message)]).toEqual([key, placeholders(message)])
    }
  })

  it.each(dictionaries)(
    '$name: plural forms name one of their parameters and have an "other"',
    ({ messages }) => {
      for (const lang of LANGS) {
        for (const [key, message] of Object.entries(messages[lang])) {
          if (typeof message === 'string') continue
          expect([key, placeholders(message)]).toEqual([key, expect.arrayContaining([message.plural])])
          expect(message.other).toBeTruthy()
        }
      }
    },
  )

  it('never defines a key in two dictionaries', () => {
    // A dictionary that gathers parts counts only the keys written in its own file (a key both written there and
    // spread from a part would hide in the merged object); each part counts as a dictionary of its own.
    const ownKeys = (d: (typeof dictionaries)[number]) => {
      if (!gatherers.has(d.name)) return Object.keys(d.messages.id)
      const source = readFileSync(d.name.split(' ')[0] as string, 'utf8')
      return [...new Set([...source.matchAll(/^\s+'([\w.-]+)':/gm)].map((m) => m[1] as string))]
    }
    const keys = dictionaries.flatMap(ownKeys)
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
    for (const [gatherer, parts] of gatherers) {
      const whole = dictionaries.find((d) => d.name === gatherer)
      for (const name of parts) {
        const part = dictionaries.find((d) => d.name === name)
        expect([name, Object.keys(whole?.messages.id ?? {})]).toEqual([
          name,
          expect.arrayContaining(Object.keys(part?.messages.id ?? ['missing'])),
        ])
      }
    }
  })

  it('has a message for every error key written in the code', () => {
    const used = new Set<string>()
    for (const file of [...sourceFiles('src'), ...sourceFiles('server')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['`](err\.[a-zA-Z.-]+)['`]/g))
        used.add(match[1] as string)
    }
    expect(used.size).toBeGreaterThan(10)
    expect([...used].filter((key) => !isErrorKey(key))).toEqual([])
  })
})

describe('translate', () => {
  it('fills parameters', () => {
    expect(translate('id', 'households.count', { shown: 3, total: 10 })).toBe('3 dari 10 rumah tangga')
    expect(translate('en', 'households.count', { shown: 3, total: 10 })).toBe('3 of 10 households')
  })

  it('chooses the plural form with Intl.PluralRules: English has one and other, Indonesian one form', () => {
    expect(translate('en', 'households.memberCount', { n: 1 })).toBe('1 person')
    expect(translate('en', 'households.memberCount', { n: 0 })).toBe('0 people')
    expect(translate('en', 'households.memberCount', { n: 2 })).toBe('2 people')
    expect(translate('id', 'households.memberCount', { n: 1 })).toBe('1 orang')
    expect(translate('en', 'sync.rejectedCount', { n: 1 }, syncMessages)).toBe(
      '1 change refused by the server — needs fixing.',
    )
    expect(translate('en', 'households.count', { shown: 1, total: 1 })).toBe('1 of 1 household')
  })

  it('reads a screen’s dictionary when given it, and the core keys beside it', () => {
    expect(translate('en', 'map.noLocation', { n: 1 }, mapMessages)).toBe('1 household has no location yet')
    expect(translate('id', 'common.save', undefined, mapMessages)).toBe('Simpan')
    expect(translate('en', 'chart.outOfRange', { n: 3 }, historyMessages)).toBe(
      '3 measurements outside age 0–60 months are not drawn.',
    )
  })

  it('makes an unknown key a compile error (and shows it as itself if one slips through untyped)', () => {
    // @ts-expect-error — 'no.such.key' is in no dictionary; `npm run typecheck` fails if this line ever compiles.
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
    // @ts-expect-error — a screen's key needs the screen's dictionary.
    expect(translate('en', 'map.noLocation', { n: 2 })).toBe('map.noLocation')
  })

  it('makes a key missing from the English side a compile error', () => {
    // @ts-expect-error — the English side lacks 'b'.
    const lacking = defineMessages({ a: 'A', b: 'B' }, { a: 'A' })
    // @ts-expect-error — the English side has a key the Bahasa Indonesia side does not.
    const extra = defineMessages({ a: 'A' }, { a: 'A', b: 'B' })
    expect([Object.keys(lacking.en), Object.keys(extra.id)]).toEqual([['a'], ['a']])
  })
})
