// Worker threads start without the tsx loader the main thread got from `--import tsx` (Node does
// not pass module hooks on to workers), so the plan worker registers tsx before loading itself.
import { register } from 'tsx/esm/api';

register();
await import('./planWorker.ts');
