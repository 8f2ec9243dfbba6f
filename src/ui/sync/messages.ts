// Text of "Perlu diperbaiki" and its "Buang perubahan" (discard a refused change): useT(syncMessages).
import { defineMessages } from '../i18n/dictionary'

export const syncMessages = defineMessages(
  {
    'discard.open': 'Buang perubahan',
    'discard.title': 'Buang perubahan ini?',
    'discard.why': 'Ditolak server: {why}',
    'discard.noName': '(tanpa nama)',
    'discard.removed':
      'Data ini belum pernah tersimpan di server. Jika dibuang, data ini dihapus dari HP ini dan tidak bisa dikembalikan.',
    'discard.server':
      'Isian yang ditolak dihapus dari HP ini dan tidak bisa dikembalikan. Data kembali seperti yang ada di server saat sinkronisasi berikutnya.',
    'discard.left':
      'Rumah tangga ini sudah pindah dari wilayah kerja Anda. Jika perubahan dibuang, datanya dihapus dari HP ini saat sinkronisasi berikutnya.',
    'discard.leftMember':
      'Rumah tangga anggota ini sudah pindah dari wilayah kerja Anda. Jika perubahan dibuang, datanya dihapus dari HP ini saat sinkronisasi berikutnya.',
    'discard.dependents':
      'Data ini belum pernah tersimpan di server, dan masih ada anggota, kunjungan, koreksi atau tindak lanjut yang terkait dengannya. Buang dulu perubahan data itu.',
    'discard.back': 'Kembali',
    'discard.confirm': 'Ya, buang',
    'discard.busy': 'Membuang…',
  },
  {
    'discard.open': 'Discard change',
    'discard.title': 'Discard this change?',
    'discard.why': 'Refused by the server: {why}',
    'discard.noName': '(no name)',
    'discard.removed':
      'This record has never been stored on the server. Discarding deletes it from this phone; it cannot be undone.',
    'discard.server':
      'The refused entries are deleted from this phone; it cannot be undone. The record returns to what the server has at the next sync.',
    'discard.left':
      'This household has moved out of your work area. Discarding the change deletes it from this phone at the next sync.',
    'discard.leftMember':
      "This member's household has moved out of your work area. Discarding the change deletes it from this phone at the next sync.",
    'discard.dependents':
      'This record has never been stored on the server, and members, visits, corrections or follow-ups on this phone depend on it. Discard their changes first.',
    'discard.back': 'Back',
    'discard.confirm': 'Yes, discard',
    'discard.busy': 'Discarding…',
  },
)
