// Text of the sync chip and the records' sync marks (the household screens show them): part of the core
// dictionary (src/ui/i18n/messages.ts). The account and sync card, "Perlu diperbaiki": sync/messages.ts.
import { defineMessages } from '../i18n/dictionary'

export const syncCoreMessages = defineMessages(
  {
    'sync.mark.belum-terkirim': 'belum terkirim',
    'sync.mark.terkirim': 'terkirim',
    'sync.mark.ditolak': 'ditolak',
    'sync.mark.list': 'Lihat daftar yang ditolak',
    'sync.reject.invalid': 'isian tidak diterima server',
    'sync.reject.forbidden': 'di luar wilayah kerja Anda',
    'sync.reject.clock-skew': 'jam HP salah',
    'sync.reject.server-error': 'server gagal menyimpannya — periksa isian lalu simpan lagi',
    'sync.chip.pending': '{n} belum terkirim',
    'sync.chip.rejected': '{n} ditolak',
    'sync.chip.done': '✓ Terkirim',
    'sync.chip.local': 'Belum masuk',
    'sync.chip.offline': '⚠ Tanpa sinyal',
    'sync.chip.offlinePending': '⚠ Tanpa sinyal · {n}',
    'sync.chip.failed': '⚠ Gagal sinkron',
    'sync.chip.failedLabel':
      'Sinkronisasi gagal, bukan karena sinyal. Buka Pengaturan untuk melihat sebabnya.',
    'sync.chip.offlineLabel': 'Tanpa sinyal. Belum terkirim: {n}. Data aman di HP.',
  },
  {
    'sync.mark.belum-terkirim': 'not yet sent',
    'sync.mark.terkirim': 'sent',
    'sync.mark.ditolak': 'refused',
    'sync.mark.list': 'See the refused list',
    'sync.reject.invalid': 'not accepted by the server',
    'sync.reject.forbidden': 'outside your work area',
    'sync.reject.clock-skew': "the phone's clock is wrong",
    'sync.reject.server-error': 'the server failed to store it — check it and save again',
    'sync.chip.pending': '{n} not sent',
    'sync.chip.rejected': '{n} refused',
    'sync.chip.done': '✓ Sent',
    'sync.chip.local': 'Not logged in',
    'sync.chip.offline': '⚠ Offline',
    'sync.chip.offlinePending': '⚠ Offline · {n}',
    'sync.chip.failed': '⚠ Sync failed',
    'sync.chip.failedLabel': 'Sync failed, not for lack of signal. Open Settings to see why.',
    'sync.chip.offlineLabel': 'Offline. Not sent yet: {n}. The data is safe on this phone.',
  },
)
