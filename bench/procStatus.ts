import { readFileSync } from 'node:fs';

/** A field of `/proc/<pid>/status` in MiB (Linux; VmRSS now, VmHWM the peak since start). */
export function procStatusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** CPU time (user + system) a process has used, in clock ticks (`/proc/<pid>/stat`). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the process has used under 5% of a core for a whole second (requests a load
 * generator left in flight are done), at most `maxMs`; returns how long it waited.
 */
export async function waitForQuiet(pid: number, maxMs = 120_000): Promise<number> {
  const started = performance.now();
  let before = cpuTicks(pid);
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuTicks(pid);
    if (now - before < 5) break; // 100 ticks per second on Linux
    before = now;
  }
  return Math.round(performance.now() - started);
}
