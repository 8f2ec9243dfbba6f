// Text of the visit schedule: useI18n(scheduleMessages), loaded with the schedule screen.
import { defineMessages } from '../i18n/dictionary'

export const scheduleMessages = defineMessages(
  {
    'schedule.title': 'Jadwal kunjungan',
    'schedule.urgent': 'Rujukan segera',
    'schedule.overdue': 'Terlambat',
    'schedule.today': 'Hari ini',
    'schedule.week': 'Minggu ini',
    'schedule.nothing': 'Tidak ada kunjungan yang jatuh tempo minggu ini.',
    'schedule.openDayAssumed': 'Hari buka posyandu belum diatur; dihitung dari Selasa kedua. Atur di',
    'schedule.orderFromHere': 'Urutkan dari lokasi saya',
    'schedule.reorder': 'Urutkan ulang dari lokasi saya',
    'schedule.priority.1': 'utama',
    'schedule.priority.2': 'penting',
    'schedule.priority.3': 'rutin',
    'schedule.record': 'Catat',
    'schedule.copyBukuKia': 'Salin',
    'schedule.report': 'Lapor',
  },
  {
    'schedule.title': 'Visit schedule',
    'schedule.urgent': 'Urgent referrals',
    'schedule.overdue': 'Overdue',
    'schedule.today': 'Due now',
    'schedule.week': 'This week',
    'schedule.nothing': 'No visits due this week.',
    'schedule.openDayAssumed':
      'The posyandu open day is not set; counting from the second Tuesday. Set it in',
    'schedule.orderFromHere': 'Order from my location',
    'schedule.reorder': 'Re-order from my location',
    'schedule.priority.1': 'top priority',
    'schedule.priority.2': 'important',
    'schedule.priority.3': 'routine',
    'schedule.record': 'Record',
    'schedule.copyBukuKia': 'Copy',
    'schedule.report': 'Report',
  },
)
