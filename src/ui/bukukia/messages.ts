// Text of "Lengkapi dari Buku KIA" (BukuKiaForm): useI18n(bukuKiaMessages).
import { defineMessages, type KeyOf } from '../i18n/dictionary'

export const bukuKiaMessages = defineMessages(
  {
    'bukuKia.title': 'Lengkapi dari Buku KIA',
    'bukuKia.hint':
      'Salin tanggal dari Buku KIA. Dosis pada baris yang sama biasanya diberikan bersama; hapus centang dosis yang tidak diberikan. Baris yang kosong berarti belum diberikan.',
    'bukuKia.doses': 'Imunisasi',
    'bukuKia.age': 'Umur {months} bulan',
    'bukuKia.dateGiven': 'Tanggal diberikan',
    'bukuKia.anc': 'Pemeriksaan kehamilan (ANC)',
    'bukuKia.ancDate': 'Tanggal ANC ke-{n}',
    'bukuKia.addAnc': '+ Tambah tanggal ANC',
    'bukuKia.nothing': 'Tidak ada yang perlu disalin dari Buku KIA untuk anggota ini.',
  },
  {
    'bukuKia.title': 'Copy from the Buku KIA',
    'bukuKia.hint':
      'Copy the dates from the Buku KIA. The doses of one row are usually given together; untick a dose that was not given. An empty row means not given yet.',
    'bukuKia.doses': 'Vaccinations',
    'bukuKia.age': { plural: 'months', one: 'Age {months} month', other: 'Age {months} months' },
    'bukuKia.dateGiven': 'Date given',
    'bukuKia.anc': 'Antenatal care (ANC)',
    'bukuKia.ancDate': 'ANC contact {n} date',
    'bukuKia.addAnc': '+ Add an ANC date',
    'bukuKia.nothing': 'Nothing needs copying from the Buku KIA for this member.',
  },
)
export type BukuKiaKey = KeyOf<typeof bukuKiaMessages>
