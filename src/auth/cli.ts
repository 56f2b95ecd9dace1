import { keysCommand } from './keysCommand.js';

/** `npm run keys -- create ...`: makes an API key for API_KEYS or API_KEYS_FILE (see keysCommand). */
process.exitCode = await keysCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
