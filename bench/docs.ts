// A record as a PouchDB document: `_id` = the record's id, `type` = its table (shared by the page and the server).
import type { PouchDoc } from './pouch-types'

export function toDoc(type: string, record: { id: string }): PouchDoc {
  const { id, ...rest } = record
  return { _id: id, type, ...rest }
}
