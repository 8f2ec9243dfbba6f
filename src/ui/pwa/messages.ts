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
    'pwa.install.title': 'Pasang aplikasi',
    'pwa.install.why':
      'Terpasang di layar utama, Kader ILP terbuka seperti aplikasi lain — juga tanpa sinyal.',
    'pwa.install.button': 'Pasang di layar utama',
    'pwa.install.installed': 'Sudah terpasang di HP ini.',
    'pwa.install.manual':
      'Buka menu browser (⋮) lalu pilih "Tambahkan ke layar utama" atau "Instal aplikasi".',
    'pwa.install.banner':
      'Data sudah terkirim. Pasang Kader ILP di layar utama agar mudah dibuka tanpa sinyal?',
    'pwa.install.later': 'Nanti',
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
    'pwa.install.title': 'Install the app',
    'pwa.install.why': 'On the home screen, Kader ILP opens like any other app — without a signal too.',
    'pwa.install.button': 'Install on the home screen',
    'pwa.install.installed': 'Installed on this phone.',
    'pwa.install.manual': 'Open the browser menu (⋮) and choose "Add to home screen" or "Install app".',
    'pwa.install.banner':
      'Your data was sent. Install Kader ILP on the home screen to open it easily offline?',
    'pwa.install.later': 'Later',
  },
)
