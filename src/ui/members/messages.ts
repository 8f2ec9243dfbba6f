// Text of the member screen's care actions (MemberDetail): useI18n(memberMessages).
import { defineMessages, type KeyOf } from '../i18n/dictionary'

export const memberMessages = defineMessages(
  {
    'member.bukuKia': 'Lengkapi dari Buku KIA',
    'member.slip': 'Surat rujukan',
  },
  {
    'member.bukuKia': 'Copy from the Buku KIA',
    'member.slip': 'Referral slip',
  },
)
export type MemberKey = KeyOf<typeof memberMessages>
