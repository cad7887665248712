import { useState } from 'preact/hooks';
import { api, type SessionInfo } from './api';
import { ErrorBox } from './ui';

/**
 * Sign-in with an API key (`earshot keys create`, or the key `earshot demo --serve` prints). The key goes once to
 * `POST /api/session` and is exchanged for an httpOnly cookie; it is not kept anywhere in the page.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main class="signin">
      <h1>earshot</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem('key') as HTMLInputElement;
          setBusy(true);
          setError(null);
          try {
            const s = await api<SessionInfo>('/api/session', { method: 'POST', body: { key: input.value } });
            input.value = '';
            onSignedIn(s);
          } catch (err) {
            setError(err as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label for="key">API key</label>
        <input id="key" name="key" type="password" autocomplete="off" spellcheck={false} placeholder="esk_…" required />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {error && <ErrorBox error={error} />}
        <p class="muted small">
          Create a key with <code>earshot keys create --name you --scope write</code> (a <code>read</code> key can look but not change anything). The key is exchanged for a
          session cookie and never stored in the browser.
        </p>
      </form>
    </main>
  );
}
