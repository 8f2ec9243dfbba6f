// The demo account `npm start` offers on a fresh machine. Its password is published, so it lives in a fictitious
// desa of its own that no real work area may share (admin.ts refuses one): whoever uses it sees and changes only
// the demo's records. It is made only on an empty database, never with --no-demo or NODE_ENV=production, and in
// production a demo account found is disabled.
import type { AccountAdmin } from './admin'

export const DEMO = {
  username: 'demo',
  password: 'kader-demo',
  area: {
    id: 'demo',
    kabupaten: 'Kabupaten Contoh',
    kecamatan: 'Kecamatan Contoh',
    desa: 'Desa Demo Kader ILP',
  },
} as const

/** Where older versions made the demo: a real desa (Bolang), shared with real kaders. A demo there is moved. */
const LEGACY_DEMO_AREA = 'demo-bolang'

/** Makes or fixes the demo account; returns whether its printed login works. */
export async function seedDemo(admin: AccountAdmin, opts: { production: boolean }): Promise<boolean> {
  const users = await admin.listUsers()
  const demo = users.find((a) => a.user.username === DEMO.username)
  const ensureArea = async () => {
    if (!(await admin.listWorkAreas()).some((w) => w.id === DEMO.area.id))
      await admin.addWorkArea({ ...DEMO.area }, { demo: true })
  }
  let inDemoArea = demo?.workArea.id === DEMO.area.id
  if (demo?.workArea.id === LEGACY_DEMO_AREA) {
    await ensureArea()
    await admin.moveUser(DEMO.username, DEMO.area.id)
    inDemoArea = true
  }
  if (opts.production) {
    if (demo && inDemoArea && !demo.disabled) await admin.setDisabled(DEMO.username, true)
    return false
  }
  if (!demo && users.length === 0) {
    await ensureArea()
    await admin.addUser({
      username: DEMO.username,
      password: DEMO.password,
      name: 'Kader Demo',
      workAreaId: DEMO.area.id,
    })
    return true
  }
  return demo !== undefined && inDemoArea && !demo.disabled
}
