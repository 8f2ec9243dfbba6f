// Text of the service-worker prompts and the storage status: part of the core dictionary (src/ui/i18n/messages.ts).
import { defineMessages } from '../i18n/dictionary'

export const pwaMessages = defineMessages(
  {
    'pwa.updateAvailable': 'Versi baru tersedia',
    'pwa.reload': 'Muat ulang',
    'pwa.finishFormFirst': 'Simpan atau batalkan isian dulu',
    'pwa.offlineReady': 'Siap dipakai offline',
    'pwa.offlineReadyHint': 'Aplikasi tetap terbuka tanpa sinyal.',
    'pwa.dismiss': 'Tutup',
    'pwa.storage.granted': 'Penyimpanan tetap: diizinkan',
    'pwa.storage.notGranted': 'Penyimpanan tetap: belum diizinkan',
    'pwa.storage.unsupported': 'Penyimpanan tetap: tidak didukung browser ini',
    'pwa.storage.explain':
      'Tanpa izin ini, browser boleh menghapus data di HP ini saat memori penuh. Kirim data secara rutin.',
    'pwa.storage.usage': 'Terpakai {used} MB dari {quota} MB',
    'pwa.storage.askAgain': 'Minta izin lagi',
    'pwa.storage.askHint': 'Browser belum mengizinkan. Pasang aplikasi ke layar utama, lalu coba lagi.',
  },
  {
    'pwa.updateAvailable': 'A new version is available',
    'pwa.reload': 'Reload',
    'pwa.finishFormFirst': 'Save or discard your input first',
    'pwa.offlineReady': 'Ready to work offline',
    'pwa.offlineReadyHint': 'The app opens without a signal.',
    'pwa.dismiss': 'Close',
    'pwa.storage.granted': 'Persistent storage: granted',
    'pwa.storage.notGranted': 'Persistent storage: not granted yet',
    'pwa.storage.unsupported': 'Persistent storage: not supported by this browser',
    'pwa.storage.explain':
      'Without it, the browser may erase the data on this phone when its storage is full. Send data regularly.',
    'pwa.storage.usage': '{used} MB used of {quota} MB',
    'pwa.storage.askAgain': 'Ask again',
    'pwa.storage.askHint':
      'The browser has not allowed it yet. Add the app to the home screen, then try again.',
  },
)
