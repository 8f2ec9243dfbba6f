// A push's last writes as one statement: each part a data-modifying CTE with its own parameters, all run by one
// round trip (each cost more than its statement's work). PostgreSQL runs every such CTE once and to completion
// whether or not the statement reads it; all of them see the rows as they were before the statement.
import type { Sql } from '../db'

export class Writes {
  private readonly parts: string[] = []
  private readonly params: unknown[] = []

  /** A parameter's placeholder ($n) in this statement. */
  param(value: unknown): string {
    this.params.push(value)
    return `$${this.params.length}`
  }

  /** A part: `name AS (sql)`, sql naming its parameters by param(). */
  add(name: string, sql: string): void {
    this.parts.push(`${name} AS (${sql})`)
  }

  async run(tx: Sql): Promise<void> {
    if (this.parts.length > 0) await tx.query(`WITH ${this.parts.join(',\n')} SELECT 1`, this.params)
  }
}
