// Preloaded (`node --import`) into each timed process: writes its peak RSS (KiB) to $HAMESH_BENCH_RSS at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.HAMESH_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
