/**
 * A start-up failure an operator can fix: `message` says what is wrong, `fix` how to repair it.
 * `main` prints it as one line and exits; it never carries a stack trace to the terminal.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }

  /** The one line printed for the operator. */
  line(): string {
    return `${this.message}. Fix: ${this.fix}`;
  }
}
