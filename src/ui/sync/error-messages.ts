// What a failed sync or server call tells the kader, by SyncError reason (src/sync/errors.ts):
// useT(syncErrorMessages), with the sync card (sync/messages.ts spreads it) and the wilayah binaan screens.
import { defineMessages, type KeyOf } from '../i18n/dictionary'

export const syncErrorMessages = defineMessages(
  {
    'sync.err.offline': 'Tidak ada sinyal. Data tetap aman di HP dan terkirim saat sinyal kembali.',
    'sync.err.timeout': 'Sinyal terlalu lemah (waktu habis). Dicoba lagi nanti.',
    'sync.err.unauthorized': 'Nama pengguna atau kata sandi salah, atau sesi berakhir.',
    'sync.err.forbidden': 'Akun ini tidak boleh mengakses wilayah tersebut.',
    'sync.err.server': 'Server sedang bermasalah. Dicoba lagi nanti.',
    'sync.err.rate-limited': 'Terlalu sering. Dicoba lagi sebentar lagi.',
    'sync.err.clock-skew': 'Jam HP salah. Atur tanggal & jam ke otomatis, lalu sinkronkan lagi.',
    'sync.err.bad-request': 'Versi aplikasi tidak cocok dengan server. Muat ulang aplikasi.',
    'sync.err.not-logged-in': 'Masuk dulu untuk menyinkronkan.',
    'sync.err.work-area-mismatch':
      'HP ini masih menyimpan data wilayah lain yang belum terkirim. Kirim dulu dengan akun pemiliknya.',
    'sync.err.account-on-phone':
      'Akun ini sudah punya tempat sendiri di HP ini, dengan PIN-nya sendiri. Bukalah lewat “Ganti kader”.',
    'sync.err.aborted': 'Sinkronisasi dihentikan.',
    'sync.err.storage-full':
      'Memori HP penuh: data yang diterima belum bisa disimpan. Data di HP tetap aman. Kosongkan ruang (hapus foto/video atau aplikasi lain), lalu sinkronkan lagi.',
    'sync.err.internal':
      'Ada kesalahan di aplikasi saat sinkronisasi (bukan masalah sinyal). Data tetap aman di HP. Coba lagi; jika terus terjadi, laporkan ke puskesmas.',
  },
  {
    'sync.err.offline': 'No signal. The data is safe on this phone and is sent when the signal is back.',
    'sync.err.timeout': 'The signal is too weak (timed out). It will be tried again.',
    'sync.err.unauthorized': 'Wrong username or password, or the session ended.',
    'sync.err.forbidden': 'This account may not access that work area.',
    'sync.err.server': 'The server has a problem. It will be tried again.',
    'sync.err.rate-limited': 'Too often. It will be tried again shortly.',
    'sync.err.clock-skew': "The phone's clock is wrong. Set date & time to automatic, then sync again.",
    'sync.err.bad-request': 'This app version does not match the server. Reload the app.',
    'sync.err.not-logged-in': 'Log in first to sync.',
    'sync.err.work-area-mismatch':
      'This phone still holds unsent data of another work area. Send it with its owner’s account first.',
    'sync.err.account-on-phone':
      'This account already has its own place on this phone, with its own PIN. Open it through “Switch kader”.',
    'sync.err.aborted': 'Sync was stopped.',
    'sync.err.storage-full':
      'The phone storage is full: received data could not be stored. The data on this phone are safe. Free some space (remove photos/videos or other apps), then sync again.',
    'sync.err.internal':
      'Something went wrong inside the app while syncing (not a signal problem). The data stay safe on this phone. Try again; if it keeps happening, report it to the puskesmas.',
  },
)

export type SyncErrorKey = KeyOf<typeof syncErrorMessages>
