import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createLogger, errorFields } from './log/index.js';
import { StartupError } from './neo4j/index.js';

/**
 * `npm start`: validates the environment, starts the API and shuts it down cleanly on SIGTERM
 * or SIGINT. Start-up problems an operator can fix print one line each and exit with code 2.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems)
        process.stderr.write(`liaison-graph: configuration: ${problem}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, log);
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`liaison-graph: cannot start: ${error.line()}\n`);
      process.exit(2);
    }
    log.error('start-up failed', errorFields(error));
    process.exit(1);
  }
  const running = app;
  let shuttingDown = false;
  // `on`, not `once`: the listener must stay registered while shutdown runs, or a loader's
  // fallback handler (tsx exits when no listener is left) kills the process half-way.
  const shutdown = (signal: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info('shutting down', { signal });
    running.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
}

void main();
