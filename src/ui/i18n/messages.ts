// The core dictionary: the first screen's text, what useT() translates with no screen dictionary. It gathers the
// feature dictionaries that are part of it (each file says so), the PWA prompts (src/ui/pwa/messages.ts), every
// validation error (src/protocol/error-messages.ts) and the words every screen shares, below. Lazy screens keep
// their text in a dictionary of their own (settings/messages.ts, schedule/messages.ts, pws/messages.ts,
// sync/messages.ts, visits/core-messages.ts, map/messages.ts, …) that they pass to useT(), so it is not in the
// first screen's JS; tests/e2e/no-raw-keys.test.ts opens them to show no key went missing. How to add text:
// DEVELOPERS.md, "Text".
import { errorMessages } from '../../protocol/error-messages'
import { householdMessages } from '../households/messages'
import { memberCoreMessages } from '../members/core-messages'
import { pwaMessages } from '../pwa/messages'
import { syncCoreMessages } from '../sync/core-messages'
import { defineMessages, type KeyOf } from './dictionary'

export const coreMessages = defineMessages(
  {
    ...pwaMessages.id,
    ...errorMessages.id,
    ...householdMessages.id,
    ...memberCoreMessages.id,
    ...syncCoreMessages.id,
    'common.loading': 'Memuat…',
    'common.save': 'Simpan',
    'common.saved': 'Tersimpan',
    'common.edit': 'Ubah',
    'common.back': 'Kembali',
    'common.choose': '— pilih —',
    'common.notFound': 'Halaman tidak ditemukan.',
    'common.retry': 'Coba lagi',
    'area.failed.schedule': 'Jadwal belum bisa dihitung.',
    'area.failed.pws': 'Angka PWS belum bisa dihitung.',
    'area.failed.hint':
      'Data di HP tetap aman. Tekan Coba lagi; jika terus gagal, tutup dan buka lagi aplikasi, lalu laporkan ke puskesmas.',
    'drafts.title': 'Draf',
    'drafts.banner': 'Draf belum disimpan: {n}',
    'nav.households': 'Rumah',
    'nav.openDay': 'Posyandu',
    'nav.map': 'Peta',
    'nav.referrals': 'Rujukan',
    'nav.schedule': 'Jadwal',
    'nav.pws': 'PWS',
    'nav.binaan': 'Wilayah binaan',
    'nav.settings': 'Pengaturan',
    'settings.title': 'Pengaturan',
    'lock.lock': 'Kunci',
  },
  {
    ...pwaMessages.en,
    ...errorMessages.en,
    ...householdMessages.en,
    ...memberCoreMessages.en,
    ...syncCoreMessages.en,
    'common.loading': 'Loading…',
    'common.save': 'Save',
    'common.saved': 'Saved',
    'common.edit': 'Edit',
    'common.back': 'Back',
    'common.choose': '— choose —',
    'common.notFound': 'Page not found.',
    'common.retry': 'Try again',
    'area.failed.schedule': 'The schedule could not be worked out.',
    'area.failed.pws': 'The PWS figures could not be worked out.',
    'area.failed.hint':
      'The data on this phone are safe. Tap Try again; if it keeps failing, close and reopen the app, then tell the puskesmas.',
    'drafts.title': 'Drafts',
    'drafts.banner': 'Drafts not saved: {n}',
    'nav.households': 'Homes',
    'nav.openDay': 'Posyandu',
    'nav.map': 'Map',
    'nav.referrals': 'Referrals',
    'nav.schedule': 'Schedule',
    'nav.pws': 'PWS',
    'nav.binaan': 'Supervised areas',
    'nav.settings': 'Settings',
    'settings.title': 'Settings',
    'lock.lock': 'Lock',
  },
)

/** The keys of the first screen's dictionary: what useT() translates without a screen dictionary. */
export type CoreKey = KeyOf<typeof coreMessages>
