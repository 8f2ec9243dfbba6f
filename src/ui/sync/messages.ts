// Text of the account and sync card in Settings, "Perlu diperbaiki" and its "Buang perubahan" (discard a refused
// change), with the sync errors (error-messages.ts): useT(syncMessages), loaded with Settings.
import { defineMessages } from '../i18n/dictionary'
import { syncErrorMessages } from './error-messages'

export const syncMessages = defineMessages(
  {
    ...syncErrorMessages.id,
    'sync.title': 'Akun & sinkronisasi',
    'sync.loginHint':
      'Masuk sekali saat ada sinyal, dengan akun dari puskesmas. Setelah itu data terkirim sendiri.',
    'sync.loginAgain': 'Sesi berakhir. Masuk lagi untuk mengirim data; catatan di HP tetap aman.',
    'sync.username': 'Nama pengguna',
    'sync.password': 'Kata sandi',
    'sync.login': 'Masuk',
    'sync.loggingIn': 'Masuk…',
    'sync.loggedInAs': 'Masuk sebagai {name}',
    'sync.pending': 'Belum terkirim: {n}',
    'sync.rejectedCount': '{n} perubahan ditolak server — perlu diperbaiki.',
    'sync.lastSuccess': 'Terakhir tersinkron: {time} ({since})',
    'sync.justNow': 'baru saja',
    'sync.never': 'Belum pernah tersinkron.',
    'sync.bytes': 'Sinkron terakhir: terkirim {sent} KB, diterima {received} KB',
    'sync.progress.push': 'Mengirim {done} dari {total}',
    'sync.progress.pull': 'Menerima {done}…',
    'sync.clockSkew': 'Jam HP selisih {minutes} menit dari server. Atur tanggal & jam HP ke otomatis.',
    'sync.now': 'Sinkronkan sekarang',
    'sync.running': 'Menyinkronkan…',
    'sync.doneNow': 'Selesai: {pushed} terkirim, {pulled} diterima.',
    'sync.logout': 'Keluar',
    'sync.logoutRefused':
      'Belum bisa keluar: {n} perubahan belum sampai ke server. Kirim dulu saat ada sinyal, atau perbaiki yang ditolak.',
    'sync.rejectedTitle': 'Perlu diperbaiki',
    'sync.conflicts': 'Catatan konflik ({n})',
    'sync.winner.local': 'isian HP ini dipakai',
    'sync.winner.remote': 'isian dari server dipakai',
    'sync.entity.households': 'Rumah tangga',
    'sync.entity.members': 'Anggota',
    'sync.entity.visits': 'Kunjungan',
    'sync.entity.followUps': 'Tindak lanjut rujukan',
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
    ...syncErrorMessages.en,
    'sync.title': 'Account & sync',
    'sync.loginHint':
      'Log in once while online, with the account from the puskesmas. After that, data is sent by itself.',
    'sync.loginAgain': 'The session ended. Log in again to send data; the records on this phone are safe.',
    'sync.username': 'Username',
    'sync.password': 'Password',
    'sync.login': 'Log in',
    'sync.loggingIn': 'Logging in…',
    'sync.loggedInAs': 'Logged in as {name}',
    'sync.pending': 'Not yet sent: {n}',
    'sync.rejectedCount': {
      plural: 'n',
      one: '{n} change refused by the server — needs fixing.',
      other: '{n} changes refused by the server — need fixing.',
    },
    'sync.lastSuccess': 'Last synced: {time} ({since})',
    'sync.justNow': 'just now',
    'sync.never': 'Never synced yet.',
    'sync.bytes': 'Last sync: sent {sent} KB, received {received} KB',
    'sync.progress.push': 'Sending {done} of {total}',
    'sync.progress.pull': 'Receiving {done}…',
    'sync.clockSkew':
      "The phone's clock is {minutes} minutes off the server's. Set date & time to automatic.",
    'sync.now': 'Sync now',
    'sync.running': 'Syncing…',
    'sync.doneNow': 'Done: {pushed} sent, {pulled} received.',
    'sync.logout': 'Log out',
    'sync.logoutRefused': {
      plural: 'n',
      one: 'Cannot log out yet: {n} change has not reached the server. Send it with a signal, or fix it if refused.',
      other:
        'Cannot log out yet: {n} changes have not reached the server. Send them with a signal, or fix those refused.',
    },
    'sync.rejectedTitle': 'Need fixing',
    'sync.conflicts': 'Conflict log ({n})',
    'sync.winner.local': "this phone's value kept",
    'sync.winner.remote': "the server's value kept",
    'sync.entity.households': 'Household',
    'sync.entity.members': 'Member',
    'sync.entity.visits': 'Visit',
    'sync.entity.followUps': 'Referral follow-up',
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
