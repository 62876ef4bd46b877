// Benchmark of the Private Fargate status route: node bench/status/run.mjs [--ec2-latency-ms 40]
// 2,000 annotated entities over 2 accounts, 3 Regions and 10 VPCs, against the loopback EC2
// server on 127.0.0.1; the shared snapshot cache beside a no-cache baseline in the same run.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { runStatusBenchmark } = require('./statusBench.ts');

runStatusBenchmark(process.argv.slice(2)).then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
