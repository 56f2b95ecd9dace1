/** Longest rendering of a client's value that an error message repeats. */
const MAX_SHOWN = 120;

/**
 * A client's value as an error message repeats it: JSON, cut to a readable length (a message
 * must not echo a megabyte back) and safe on values nested too deep to render.
 */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return '(a value nested too deeply to show)';
  }
  return text.length <= MAX_SHOWN
    ? text
    : `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)`;
}
