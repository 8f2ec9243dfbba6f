// Writes src/domain/growth/tables.generated.ts from the WHO LMS tables in reference/who-growth/.
// Run from anywhere: node scripts/gen-growth-tables.mjs
//
// Packing (≈ 18 KB gzipped instead of ≈ 110 KB for the plain numbers): per table, sex and LMS column, every value is
// written as an integer in units of the column's last decimal place (M 15.2679 with 4 decimals → 152679), as the
// difference from the row before, in base 36. Decoding divides the running sum by 10^decimals, which gives exactly
// the double that parsing the CSV text gives (both are the correctly rounded value of the same decimal); the
// generator checks that for every value, and tests/domain/growth/tables.test.ts checks it again against the CSVs.
import { readFile, writeFile } from 'node:fs/promises'

const sourceDir = new URL('../reference/who-growth/', import.meta.url)
const target = new URL('../src/domain/growth/tables.generated.ts', import.meta.url)

// name in the module, CSV file, key column, step between rows, what the key is.
const TABLES = [
  ['WFA', 'wfa_0_5y_by_day.csv', 'age', 1, 'weight-for-age 0–5 y (kg) by age in days'],
  [
    'LHFA',
    'lhfa_0_5y_by_day.csv',
    'age',
    1,
    'length/height-for-age 0–5 y (cm) by age in days; L rows 0–730, H 731–1826',
  ],
  ['WFL', 'wfl_45_110cm.csv', 'length', 0.1, 'weight-for-length (kg) by recumbent length 45.0–110.0 cm'],
  ['WFH', 'wfh_65_120cm.csv', 'height', 0.1, 'weight-for-height (kg) by standing height 65.0–120.0 cm'],
  [
    'BFA',
    'bfa_0_5y_by_day.csv',
    'age',
    1,
    'BMI-for-age 0–5 y (kg/m²) by age in days; L rows 0–730, H 731–1826',
  ],
  ['HCFA', 'hcfa_0_5y_by_day.csv', 'age', 1, 'head circumference-for-age 0–5 y (cm) by age in days'],
  ['ACFA', 'acfa_3m_5y_by_day.csv', 'age', 1, 'arm circumference-for-age 3 mo–5 y (cm) by age in days'],
  ['BFA_2007', 'bfa_5_19y_by_month_who2007.csv', 'age', 1, 'WHO 2007 BMI-for-age (kg/m²) by age in months'],
  ['HFA_2007', 'hfa_5_19y_by_month_who2007.csv', 'age', 1, 'WHO 2007 height-for-age (cm) by age in months'],
  ['WFA_2007', 'wfa_5_10y_by_month_who2007.csv', 'age', 1, 'WHO 2007 weight-for-age (kg) by age in months'],
]
const NUMBER_RE = /^-?\d+(\.\d+)?$/

/** ['15.2679', '15.2870'] → '4:3ryl,ev': decimals, then base-36 deltas of the values scaled to integers. */
function pack(values) {
  const decimals = Math.max(...values.map((v) => (v.split('.')[1] ?? '').length))
  const scale = 10 ** decimals
  const ints = values.map((v) => Math.round(Number(v) * scale))
  ints.forEach((int, i) => {
    if (int / scale !== Number(values[i])) throw new Error(`${values[i]} does not survive packing`)
  })
  return `${decimals}:${ints.map((int, i) => (i === 0 ? int : int - ints[i - 1]).toString(36)).join(',')}`
}

async function readTable(file, keyColumn, step) {
  const [header, ...lines] = (await readFile(new URL(file, sourceDir), 'utf8')).trim().split(/\r?\n/)
  const columns = header.split(',')
  const at = (name) => {
    const index = columns.indexOf(name)
    if (index < 0) throw new Error(`${file}: no '${name}' column`)
    return index
  }
  const [sexAt, keyAt, lAt, mAt, sAt] = ['sex', keyColumn, 'l', 'm', 's'].map(at)
  const bySex = { 1: { keys: [], l: [], m: [], s: [] }, 2: { keys: [], l: [], m: [], s: [] } }
  for (const line of lines) {
    const fields = line.split(',')
    const sex = bySex[fields[sexAt]]
    if (!sex) throw new Error(`${file}: unexpected sex '${fields[sexAt]}'`)
    for (const index of [keyAt, lAt, mAt, sAt]) {
      if (!NUMBER_RE.test(fields[index]))
        throw new Error(`${file}: not a number '${fields[index]}' in '${line}'`)
    }
    if (Number(fields[lAt]) === 0) throw new Error(`${file}: L = 0 needs the log formula, not implemented`)
    sex.keys.push(Number(fields[keyAt]))
    sex.l.push(fields[lAt])
    sex.m.push(fields[mAt])
    sex.s.push(fields[sAt])
  }
  const first = bySex[1].keys[0]
  for (const sex of [bySex[1], bySex[2]]) {
    // Rows must be contiguous so that a row is found by index: key = first + index × step.
    sex.keys.forEach((key, index) => {
      if (Math.abs(key - (first + index * step)) > 1e-9)
        throw new Error(`${file}: row ${index} has key ${key}`)
    })
  }
  if (bySex[1].keys.length !== bySex[2].keys.length)
    throw new Error(`${file}: sexes have different row counts`)
  return { first, count: bySex[1].keys.length, male: bySex[1], female: bySex[2] }
}

const blocks = []
let rows = 0
for (const [name, file, keyColumn, step, what] of TABLES) {
  const table = await readTable(file, keyColumn, step)
  rows += table.count * 2
  // Laid out as Biome formats it, so the generated file passes `biome ci` as written.
  const sex = (s) => `{\n    l: '${pack(s.l)}',\n    m: '${pack(s.m)}',\n    s: '${pack(s.s)}',\n  }`
  blocks.push(`/** ${what} — ${file}, ${table.count} rows per sex. */
export const ${name}: PackedTable = {
  first: ${table.first},
  count: ${table.count},
  male: ${sex(table.male)},
  female: ${sex(table.female)},
}`)
}

await writeFile(
  target,
  `// GENERATED by scripts/gen-growth-tables.mjs — do not edit; rerun the script when the source changes.
// WHO Child Growth Standards (2006/2007) and WHO Growth Reference 2007 (5–19 y): LMS tables as shipped in
// WorldHealthOrganization/anthro data-raw/growthstandards (commit b776d8a1, GPL-3, © World Health Organization)
// and WorldHealthOrganization/anthroplus data-raw/growthstandards (commit 799a7dea, GPL >= 3); see
// reference/who-growth/README.md. The values are WHO's published expanded tables, unchanged (see the packing
// note in the script). Row i of a table is key = first + i × step (1 day, 1 month or 0.1 cm).

/** One column per LMS parameter: '<decimals>:<base-36 delta>,<base-36 delta>,…' of the values × 10^decimals. */
export interface PackedColumns {
  l: string
  m: string
  s: string
}

export interface PackedTable {
  /** Key of row 0: age in days or months, or length/height in cm. */
  first: number
  count: number
  male: PackedColumns
  female: PackedColumns
}

${blocks.join('\n\n')}
`,
)
console.log(`Wrote ${TABLES.length} tables (${rows} rows) to ${target.pathname}`)
