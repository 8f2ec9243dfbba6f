// The lock screen and the first-start PIN screen. Loaded only while locked, with the key derivation's WebAssembly
// (data/crypto/unlock.ts): the first screen of an unlocked app does not carry them.
import { type FormEvent, useEffect, useState } from 'react'
import { waitLeft } from '../../data/crypto/lock-policy'
import { chosenAccount, switchRequested } from '../../data/crypto/session'
import { finishRecovery, recoveryAccount, setUpPin, unlock } from '../../data/crypto/unlock'
import { type PinProblem, pinProblem, type Vault } from '../../data/crypto/vault'
import { listAccounts, readLockState, readVault } from '../../data/crypto/vault-store'
import type { AcceptedLogin } from '../../sync/auth'
import { useT } from '../i18n'
import { AccountLogin } from './AccountLogin'
import { lockMessages } from './messages'
import { SwitchKader } from './SwitchKader'
import './lock.css'

type Step = 'unlock' | 'recover' | 'newPin' | 'accounts' | 'newKader' | 'newKaderPin'

export default function LockScreen({ mode }: { mode: 'setup' | 'locked' }) {
  // "Ganti kader" in Settings locks and opens the list of the phone's kaders.
  const [step, setStep] = useState<Step>(() => (switchRequested() ? 'accounts' : 'unlock'))
  const [accepted, setAccepted] = useState<AcceptedLogin>()
  if (mode === 'setup') return <SetUpPin title="lock.setup.title" save={setUpPin} />
  if (step === 'recover')
    return (
      <AccountLogin purpose="recover" onDone={() => setStep('newPin')} onCancel={() => setStep('unlock')} />
    )
  if (step === 'newPin') return <SetUpPin title="lock.recover.newPin" save={finishRecovery} />
  if (step === 'accounts')
    return <SwitchKader onChosen={() => setStep('unlock')} onNew={() => setStep('newKader')} />
  if (step === 'newKader')
    return (
      <AccountLogin
        purpose="newKader"
        onDone={(login) => {
          setAccepted(login)
          setStep('newKaderPin')
        }}
        onCancel={() => setStep('accounts')}
      />
    )
  if (step === 'newKaderPin' && accepted)
    return (
      <SetUpPin
        title="lock.newKader.pin"
        save={(pin, kind) => addKader(accepted, pin, kind)}
        onCancel={() => {
          void import('../../sync/auth').then((auth) => auth.cancelLogin(accepted))
          setStep('accounts')
        }}
      />
    )
  return <Unlock onForgot={() => setStep('recover')} onSwitch={() => setStep('accounts')} />
}

/** A new kader's account: her PIN makes it, her login is stored there, then the unlock starts her area's sync. */
async function addKader(accepted: AcceptedLogin, pin: string, kind: Vault['kind']) {
  const auth = await import('../../sync/auth')
  await auth.addNewKader(accepted, pin, kind)
}

/** A new PIN: at first start (setUpPin), or after recovery by online login (finishRecovery). */
function SetUpPin({
  title,
  save,
  onCancel,
}: {
  title: 'lock.setup.title' | 'lock.recover.newPin' | 'lock.newKader.pin'
  save: (pin: string, kind: Vault['kind']) => Promise<unknown>
  onCancel?: () => void
}) {
  const t = useT(lockMessages)
  const [kind, setKind] = useState<Vault['kind']>('pin')
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [problem, setProblem] = useState<PinProblem | 'mismatch'>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const found = pinProblem(pin, kind) ?? (pin === again ? undefined : 'mismatch')
    setProblem(found)
    if (found) return
    setBusy(true)
    // On success the gate replaces this screen; on failure the kader may try again.
    await save(pin, kind).catch(() => setBusy(false))
  }

  return (
    <main className="screen lock-screen">
      <form className="form lock-form" data-lock="setup" onSubmit={submit} noValidate>
        <h1>{t(title)}</h1>
        <p>{t('lock.setup.intro')}</p>
        <PinField
          id="pin-new"
          label={t(kind === 'pin' ? 'lock.setup.pin' : 'lock.setup.passphrase')}
          kind={kind}
          value={pin}
          onChange={setPin}
          autoFocus
        />
        <PinField
          id="pin-again"
          label={t('lock.setup.confirm')}
          kind={kind}
          value={again}
          onChange={setAgain}
        />
        {problem && (
          <p className="field-message" role="alert">
            {t(`lock.pin.${problem}`)}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('lock.busy') : t('lock.setup.save')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setKind(kind === 'pin' ? 'passphrase' : 'pin')
            setProblem(undefined)
          }}
        >
          {t(kind === 'pin' ? 'lock.setup.usePassphrase' : 'lock.setup.usePin')}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('lock.recover.cancel')}
          </button>
        )}
      </form>
    </main>
  )
}

function Unlock({ onForgot, onSwitch }: { onForgot: () => void; onSwitch: () => void }) {
  const t = useT(lockMessages)
  const [recoverable, setRecoverable] = useState(false)
  // Which kader's lock this is, once the phone has more than one.
  const [number, setNumber] = useState<number>()
  const [kind, setKind] = useState<Vault['kind']>('pin')
  const [pin, setPin] = useState('')
  const [wrong, setWrong] = useState(false)
  const [waitUntil, setWaitUntil] = useState(0)
  const [now, setNow] = useState(Date.now)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const account = chosenAccount()
    if (!account) return
    void listAccounts().then((all) => setNumber(all.length > 1 ? account.number : undefined))
    void readVault(account.id).then((v) => v && setKind(v.kind))
    void recoveryAccount().then((recovery) => setRecoverable(recovery !== undefined))
    // A reload does not reset the wait: it is kept with the vault.
    void readLockState(account.id).then((s) => {
      const left = waitLeft(s, Date.now())
      if (left === 0) return
      setNow(Date.now())
      setWaitUntil(Date.now() + left)
    })
  }, [])
  const waiting = waitUntil > now
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [waiting])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy || waiting || pin === '') return
    setBusy(true)
    const result = await unlock(pin).catch(() => undefined)
    // On success the gate replaces this screen.
    if (result?.ok) return
    setBusy(false)
    setPin('')
    setWrong(result?.reason === 'wrong')
    if (result && !result.ok && result.waitMs > 0) {
      setNow(Date.now())
      setWaitUntil(Date.now() + result.waitMs)
    }
  }

  return (
    <main className="screen lock-screen">
      <form className="form lock-form" data-lock="unlock" onSubmit={submit} noValidate>
        <h1>{t('lock.unlock.title')}</h1>
        {number !== undefined && <p className="lock-kader">{t('lock.switch.kader', { n: number })}</p>}
        <PinField
          id="pin"
          label={t(kind === 'pin' ? 'lock.unlock.pin' : 'lock.unlock.passphrase')}
          kind={kind}
          value={pin}
          onChange={(v) => {
            setPin(v)
            setWrong(false)
          }}
          autoFocus
        />
        <p className="field-message" role="alert">
          {wrong && t('lock.wrong')} {waiting && t('lock.wait', { s: Math.ceil((waitUntil - now) / 1000) })}
        </p>
        <button type="submit" className="button primary" disabled={busy || waiting}>
          {busy ? t('lock.busy') : t('lock.unlock.open')}
        </button>
        {recoverable && (
          <button type="button" className="button secondary" onClick={onForgot}>
            {t('lock.recover.forgot')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onSwitch}>
          {t('lock.switch.title')}
        </button>
      </form>
    </main>
  )
}

export function PinField(props: {
  id: string
  label: string
  kind: Vault['kind']
  value: string
  onChange: (value: string) => void
  autoFocus?: boolean
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="pin-input"
        type="password"
        inputMode={props.kind === 'pin' ? 'numeric' : 'text'}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the lock screen has one thing to do: type the PIN.
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  )
}
