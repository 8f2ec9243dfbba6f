// Counting people and visits for the PWS figures: each count keeps the ids behind it, sorted.
import type { Count, PwsVisit, Ratio, VisitTally } from './types'

export class Tally {
  readonly ids = new Set<string>()
  add(id: string): void {
    this.ids.add(id)
  }
  count(): Count {
    const memberIds = [...this.ids].sort()
    return { value: memberIds.length, memberIds }
  }
  static union(...tallies: Tally[]): Tally {
    const result = new Tally()
    for (const t of tallies) for (const id of t.ids) result.add(id)
    return result
  }
}

export class VisitTallyBuilder {
  private readonly visitIds: string[] = []
  private readonly members = new Tally()
  add(v: PwsVisit): void {
    this.visitIds.push(v.id)
    this.members.add(v.memberId)
  }
  build(): VisitTally {
    return {
      value: this.visitIds.length,
      visitIds: [...this.visitIds].sort(),
      memberIds: this.members.count().memberIds,
    }
  }
}

export function ratio(numerator: Count, denominator: Count): Ratio {
  return {
    value: denominator.value === 0 ? null : numerator.value / denominator.value,
    numerator,
    denominator,
  }
}

export function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return mapKeys(keys, () => new Tally())
}

export function counts<K extends string>(t: Record<K, Tally>): Record<K, Count> {
  return mapKeys(Object.keys(t) as K[], (k) => t[k].count())
}

export function mapKeys<K extends string, V>(keys: readonly K[], f: (k: K) => V): Record<K, V> {
  const result = {} as Record<K, V>
  for (const k of keys) result[k] = f(k)
  return result
}
