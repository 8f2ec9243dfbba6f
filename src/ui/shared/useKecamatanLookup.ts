import { useEffect, useState } from 'react'
import { loadKecamatanLookup } from '../../data/regions'

/** The Kemendagri kecamatan list, loaded on first use (a lazy chunk); undefined until it has loaded. */
export function useKecamatanLookup(): ((code: string) => boolean) | undefined {
  const [lookup, setLookup] = useState<(code: string) => boolean>()
  useEffect(() => {
    let live = true
    loadKecamatanLookup()
      .then((fn) => live && setLookup(() => fn))
      .catch(() => {
        // Region codes only ever produce warnings; without them the form works as before.
      })
    return () => {
      live = false
    }
  }, [])
  return lookup
}
