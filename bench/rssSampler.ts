import { median } from './benchDatabase.js';
import { procStatusMiB } from './procStatus.js';

/** RSS figures of one phase, in MiB. */
export interface RssFigures {
  readonly medianMiB: number;
  readonly peakMiB: number;
  readonly samples: number;
}

/** Samples a process's RSS every `intervalMs` from outside it until `stop()`. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): RssFigures } {
  const samples: number[] = [procStatusMiB(pid, 'VmRSS')];
  const timer = setInterval(() => {
    try {
      samples.push(procStatusMiB(pid, 'VmRSS'));
    } catch {
      clearInterval(timer); // the process exited
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { medianMiB: median(samples), peakMiB: Math.max(...samples), samples: samples.length };
    },
  };
}

/** RSS while the process sits idle for `ms`. */
export async function idleRss(pid: number, ms: number): Promise<RssFigures> {
  const sampler = sampleRss(pid);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return sampler.stop();
}
