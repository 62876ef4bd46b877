/**
 * Valid Fargate task sizes (CPU units to memory in MiB), from the ECS task-size table:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
const FARGATE_SIZES: ReadonlyArray<{
  cpu: number;
  min: number;
  max: number;
  step: number;
  extra?: number[];
}> = [
  { cpu: 256, min: 512, max: 512, step: 512, extra: [1024, 2048] },
  { cpu: 512, min: 1024, max: 4096, step: 1024 },
  { cpu: 1024, min: 2048, max: 8192, step: 1024 },
  { cpu: 2048, min: 4096, max: 16384, step: 1024 },
  { cpu: 4096, min: 8192, max: 30720, step: 1024 },
  { cpu: 8192, min: 16384, max: 61440, step: 4096 },
  { cpu: 16384, min: 32768, max: 122880, step: 8192 },
];

/** How to pick a valid pair, for error messages. */
export const FARGATE_SIZES_HELP =
  'valid pairs: 256 CPU with 512, 1024 or 2048 MiB; 512 with 1024-4096; 1024 with 2048-8192; 2048 with 4096-16384 and 4096 with 8192-30720 (steps of 1024); 8192 with 16384-61440 (steps of 4096); 16384 with 32768-122880 (steps of 8192)';

/** Whether Fargate accepts this CPU and memory combination. */
export function isValidFargateSize(cpu: number, memory: number): boolean {
  const size = FARGATE_SIZES.find(entry => entry.cpu === cpu);
  if (!size) return false;
  if (size.extra?.includes(memory)) return true;
  return (
    memory >= size.min &&
    memory <= size.max &&
    (memory - size.min) % size.step === 0
  );
}
