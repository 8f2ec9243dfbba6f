// Text of the visit form's part sections (src/ui/visits/parts): useT(visitMessages). It holds the words every section
// shares and spreads the stages' parts (mother-child-messages.ts, youth-adult-messages.ts). Their validation errors
// are error keys (src/protocol/error-messages.ts); the plausibility warnings are the domain's own Bilingual text.
import { defineMessages, type KeyOf } from '../i18n/dictionary'
import { motherChildMessages } from './mother-child-messages'
import { youthAdultMessages } from './youth-adult-messages'

export const visitMessages = defineMessages(
  {
    ...motherChildMessages.id,
    ...youthAdultMessages.id,
    'visit.yes': 'Ya',
    'visit.no': 'Tidak',
    'visit.today': 'Hari ini',
    'visit.remove': 'Hapus',
    'visit.timeHint': 'Boleh dikosongkan jika tidak tahu.',
    'visit.confirmExtreme': 'Ya, nilainya benar (sudah diukur ulang)',

    'visit.group.measure': 'Penimbangan & pengukuran',
    'visit.group.services': 'Pelayanan hari ini',
    'visit.group.dangerSigns': 'Tanda bahaya',
    'visit.dangerSigns.ask': 'Centang tanda bahaya yang ada',
    'visit.dangerSigns.none': 'Tidak ada tanda bahaya',
    'visit.weight': 'Berat badan',
    'visit.height': 'Tinggi badan',
    'visit.lila': 'Lingkar lengan atas (LiLA)',
    'visit.temperature': 'Suhu badan',
    'visit.systolic': 'Tekanan darah atas (sistolik)',
    'visit.diastolic': 'Tekanan darah bawah (diastolik)',
    'visit.bp.inPregnancy': 'Tekanan darah: diisi sekali, di bagian Ibu hamil',
    'visit.hb': 'Hemoglobin (Hb)',
    'visit.gds': 'Gula darah sewaktu',
    'visit.ttd': 'Tablet tambah darah (TTD)',
    'visit.ttd.available': 'TTD tersedia di rumah?',
    'visit.unit.tablet': 'tablet',
    'visit.unit.batang': 'batang',
    'visit.unit.tahun': 'tahun',
    'visit.unit.detik': 'detik',

    'visit.puma': 'Skrining PPOK (PUMA)',
    'visit.tbc': 'Gejala TBC',
    'visit.jiwa': 'Kesehatan jiwa',
    'visit.kb': 'Keluarga berencana (KB)',
    'visit.smoking': 'Merokok',
    'visit.skilas': 'Skrining lansia sederhana (SKILAS)',
    'visit.aks': 'Aktivitas kehidupan sehari-hari (AKS)',
  },
  {
    ...motherChildMessages.en,
    ...youthAdultMessages.en,
    'visit.yes': 'Yes',
    'visit.no': 'No',
    'visit.today': 'Today',
    'visit.remove': 'Remove',
    'visit.timeHint': 'Leave empty if not known.',
    'visit.confirmExtreme': 'Yes, the value is right (re-measured)',

    'visit.group.measure': 'Weighing & measuring',
    'visit.group.services': 'Services today',
    'visit.group.dangerSigns': 'Danger signs',
    'visit.dangerSigns.ask': 'Tick the danger signs present',
    'visit.dangerSigns.none': 'No danger signs',
    'visit.weight': 'Weight',
    'visit.height': 'Height',
    'visit.lila': 'Mid-upper arm circumference (MUAC)',
    'visit.temperature': 'Body temperature',
    'visit.systolic': 'Upper blood pressure (systolic)',
    'visit.diastolic': 'Lower blood pressure (diastolic)',
    'visit.bp.inPregnancy': 'Blood pressure: asked once, in the Pregnancy part',
    'visit.hb': 'Haemoglobin (Hb)',
    'visit.gds': 'Random blood glucose',
    'visit.ttd': 'Iron-folic acid tablets (TTD)',
    'visit.ttd.available': 'Tablets available at home?',
    'visit.unit.tablet': 'tablets',
    'visit.unit.batang': 'cigarettes',
    'visit.unit.tahun': 'years',
    'visit.unit.detik': 'seconds',

    'visit.puma': 'COPD screening (PUMA)',
    'visit.tbc': 'TB symptoms',
    'visit.jiwa': 'Mental health',
    'visit.kb': 'Family planning (KB)',
    'visit.smoking': 'Smoking',
    'visit.skilas': 'Simple older-person screening (SKILAS)',
    'visit.aks': 'Activities of daily living (ADL)',
  },
)

export type VisitKey = KeyOf<typeof visitMessages>
