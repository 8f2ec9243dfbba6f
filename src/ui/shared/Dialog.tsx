// A question that must be answered before going on, at the bottom of the screen: its title and body name it for
// screen readers (alertdialog); the caller puts the answers in it as buttons and focuses the safe one.
import type { ReactNode } from 'react'

export function Dialog({
  id,
  title,
  body,
  children,
}: {
  /** Prefix of the title's and body's element ids. */
  id: string
  title: string
  body: ReactNode
  children: ReactNode
}) {
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
      >
        <h2 id={`${id}-title`} className="section-title">
          {title}
        </h2>
        <div id={`${id}-body`}>{body}</div>
        <div className="form-actions">{children}</div>
      </div>
    </div>
  )
}
