// The screening payload of each form part, as stored in a visit (schemas.ts). The shapes mirror the domain's input
// types (src/domain/screening, src/domain/growth) so the stored payload is exactly what the rules read.
import * as z from 'zod/mini'

const part = z.looseObject({})

export const visitParts = z.object({
  balita: z.optional(part),
  neonatus: z.optional(part),
  remaja: z.optional(part),
  dewasa: z.optional(part),
  lansia: z.optional(part),
  ibu_hamil: z.optional(part),
  nifas: z.optional(part),
})
export type VisitParts = z.infer<typeof visitParts>
