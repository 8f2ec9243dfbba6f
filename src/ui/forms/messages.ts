// Text of the form machinery (drafts, leaving a form, saving): useT(formMessages), loaded with the forms, not with
// the first screen.
import { defineMessages, type KeyOf } from '../i18n/dictionary'

export const formMessages = defineMessages(
  {
    'leave.title': 'Isian belum disimpan',
    'leave.body':
      'Yang sudah diisi tetap tersimpan sebagai draf di HP ini dan bisa dilanjutkan dari daftar Draf.',
    'leave.stay': 'Lanjut mengisi',
    'leave.keep': 'Keluar, simpan sebagai draf',
    'leave.discard': 'Buang isian',
    'draft.restored': 'Melanjutkan draf yang terakhir diubah {time}.',
    'draft.discard': 'Buang draf',
    'draft.discardConfirm': 'Buang draf ini? Isian yang belum disimpan akan hilang.',
    'drafts.empty': 'Tidak ada draf. Isian formulir yang belum disimpan muncul di sini.',
    'drafts.unnamed': '(belum ada nama)',
    'drafts.kind.household': 'Rumah tangga',
    'drafts.kind.member': 'Anggota keluarga',
    'drafts.kind.visit': 'Kunjungan',
    'drafts.kind.walkIn': 'Pendaftaran di posyandu',
    'drafts.changed': 'diubah {time}',
    'drafts.resume': 'Lanjutkan',
  },
  {
    'leave.title': 'Not saved yet',
    'leave.body': 'What you typed stays on this phone as a draft; you can continue it from the Drafts list.',
    'leave.stay': 'Keep filling in',
    'leave.keep': 'Leave, keep as a draft',
    'leave.discard': 'Discard',
    'draft.restored': 'Continuing the draft last changed {time}.',
    'draft.discard': 'Discard draft',
    'draft.discardConfirm': 'Discard this draft? What was not saved will be lost.',
    'drafts.empty': 'No drafts. Forms left without saving appear here.',
    'drafts.unnamed': '(no name yet)',
    'drafts.kind.household': 'Household',
    'drafts.kind.member': 'Household member',
    'drafts.kind.visit': 'Visit',
    'drafts.kind.walkIn': 'Posyandu registration',
    'drafts.changed': 'changed {time}',
    'drafts.resume': 'Continue',
  },
)

export type FormKey = KeyOf<typeof formMessages>
