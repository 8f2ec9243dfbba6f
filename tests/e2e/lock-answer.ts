// The lock screens answered for tests and the bench (the app's records are encrypted at rest, docs/security.md):
// no vitest or vite here, so that bench/ can import it.

/** The PIN the harness sets and types when `pin` is 'auto'. */
export const E2E_PIN = '482915'

/**
 * Runs in the page: types `pin` into each lock form (ui/lock/LockScreen.tsx) that appears, and submits it once React
 * has taken the typed values. Plain text, not a function: the test transform would add helpers the page lacks.
 */
export const answerLockScreens = (pin: string) => `
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  new MutationObserver(() => {
    const form = document.querySelector('form[data-lock]:not([data-answered])')
    if (!form) return
    form.setAttribute('data-answered', '')
    for (const input of form.querySelectorAll('input')) {
      setValue.call(input, ${JSON.stringify(pin)})
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }
    setTimeout(() => form.requestSubmit(), 50)
  }).observe(document, { childList: true, subtree: true })
`
