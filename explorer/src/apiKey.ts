const STORAGE_KEY = 'liaison-explorer.key';

/** What an API key looks like (`lgk_<id>_<secret>`); a bearer token is accepted as is. */
const KEY_SHAPE = /^lgk_[A-Za-z0-9_-]+$/;

/**
 * The key the page sends. A `#key=...` fragment wins (fragments never reach the server, so the
 * key is not in its logs or a proxy's); it is moved to sessionStorage, which lasts as long as
 * the tab, and removed from the address bar so a screenshot or a shared link does not show it.
 */
export function takeKeyFromFragment(): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const key = fragment.get('key');
  if (key === null) return;
  storeKey(key);
  fragment.delete('key');
  const rest = fragment.toString();
  history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
  );
}

/** The key kept for this tab, if any. */
export function storedKey(): string | undefined {
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

/** Keeps a key for this tab. Answers what is wrong with one that cannot be a key, else undefined. */
export function storeKey(raw: string): string | undefined {
  const key = raw.trim();
  if (key === '')
    return 'Paste a key: an API key starts with lgk_ (the local one is in .liaison/admin.key).';
  if (/\s/.test(key)) return 'A key has no spaces or line breaks inside; paste it on its own.';
  if (!KEY_SHAPE.test(key) && key.split('.').length !== 3)
    return 'That is neither an API key (lgk_...) nor a JWT (three dot-separated parts).';
  sessionStorage.setItem(STORAGE_KEY, key);
  return undefined;
}

/** Forgets the tab's key. */
export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
