// Answers several stages' parts record alike. Kept apart from common.ts's interpretation helpers.

export const SMOKING = ['aktif', 'pasif', 'tidak'] as const
/** Merokok aktif / pasif / tidak (form field, clinical-rules.md §2.4 [S]). */
export type Smoking = (typeof SMOKING)[number]
