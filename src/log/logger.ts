/** Log levels, least severe first (LOG_LEVEL). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Fields attached to one log line; values must be JSON-serialisable. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Structured logger: one JSON object per line on stdout (stderr for warn and error). */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines all carry `fields`. */
  child(fields: LogFields): Logger;
}

/** Where lines go; tests pass an array's push. */
export type LogSink = (line: string, level: LogLevel) => void;

const defaultSink: LogSink = (line, level) => {
  (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line + '\n');
};

/** Creates a logger that drops lines below `level`. */
export function createLogger(
  level: LogLevel,
  sink: LogSink = defaultSink,
  base: LogFields = {},
): Logger {
  const emit = (lineLevel: LogLevel, msg: string, fields?: LogFields): void => {
    if (RANK[lineLevel] < RANK[level]) return;
    sink(
      JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg, ...base, ...fields }),
      lineLevel,
    );
  };
  return {
    debug: (msg, fields) => {
      emit('debug', msg, fields);
    },
    info: (msg, fields) => {
      emit('info', msg, fields);
    },
    warn: (msg, fields) => {
      emit('warn', msg, fields);
    },
    error: (msg, fields) => {
      emit('error', msg, fields);
    },
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

/** Error details fit for a log line (never for a client). */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      error: error.message,
      errorName: error.name,
      ...(code === undefined ? {} : { errorCode: code }),
      stack: error.stack,
    };
  }
  return { error: String(error) };
}
