// The action's entry point (action.yml `runs.main` is its bundle, dist/index.js): all the work is in run().
import { run } from './action/main.js';

void run();
